package dev.triage.rules.internal.pack;

import java.util.List;
import java.util.Objects;

/**
 * One row of a pack's {@code stand-ins.tsv}: a weaker wording family written for the same fact as a stronger one (a
 * bare abbreviation beside the full name, a component beside the product named outright). When the stand-in and any
 * of its stronger signals were both seen, the stand-in's {@code signals.tsv} rows do not count: the fact weighs what
 * the stronger rows say, once. The stand-in's signal itself stays, for the questions it makes worth asking and the
 * combination rules that read it.
 *
 * @param pack    the pack both signals belong to
 * @param standIn the weaker signal, {@code "family id"}
 * @param strong  the stronger signals ({@code "family id"}), any one of which takes the stand-in's rows out
 * @param why     why the two are one fact, with the source of the stand-in's wording where one exists
 */
public record StandIn(String pack, String standIn, List<String> strong, String why) {
    public StandIn {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(standIn, "standIn");
        Objects.requireNonNull(why, "why");
        strong = List.copyOf(strong);
    }
}

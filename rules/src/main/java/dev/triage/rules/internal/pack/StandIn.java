package dev.triage.rules.internal.pack;

import java.util.List;
import java.util.Objects;

/**
 * One row of a pack's {@code stand-ins.tsv}: a weaker wording family or code written for the same fact as a stronger
 * one (a bare abbreviation beside the full name, a component beside the product named outright, a log message beside
 * its code). When the stand-in and any of its stronger facts were both seen, the stand-in's {@code signals.tsv} or
 * {@code codes.tsv} rows do not count: the fact weighs what the stronger rows say, once. The stand-in itself stays,
 * for the questions it makes worth asking and the combination rules that read it.
 *
 * @param pack    the pack both facts belong to
 * @param standIn the weaker fact: a signal {@code "family id"} or a code {@code "kind code"}
 * @param strong  the stronger facts, written the same way, any one of which takes the stand-in's rows out
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

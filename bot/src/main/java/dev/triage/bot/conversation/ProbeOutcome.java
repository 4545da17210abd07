package dev.triage.bot.conversation;

import dev.triage.probes.ProbeResult;
import java.util.Map;
import java.util.Objects;

/**
 * One probe step as the conversation records and shows it.
 *
 * @param name      {@code dns}, {@code tcp}, {@code rdp}, {@code tls}, {@code certificate}, {@code ntlm}, {@code policy}
 * @param status    the outcome's name ({@code CONNECTED}, {@code EXPIRED}, {@code DENIED}, ...)
 * @param ok        whether this step found the target healthy
 * @param summary   one line for people
 * @param elapsedMs how long the step took
 * @param details   the step's facts, for JSON and for the rules
 */
public record ProbeOutcome(
        String name, String status, boolean ok, String summary, long elapsedMs, Map<String, String> details) {
    public ProbeOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        details = Map.copyOf(details);
    }

    /** The conversation's view of one finished probe step. */
    public static ProbeOutcome of(ProbeResult result) {
        return new ProbeOutcome(result.name(), result.outcome().name(), result.outcome().passed(), result.summary(),
                result.elapsed().toMillis(), result.details());
    }
}

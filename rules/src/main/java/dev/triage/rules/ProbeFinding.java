package dev.triage.rules;

import java.util.Map;
import java.util.Objects;

/**
 * One live probe result in the rules' vocabulary (the bot maps probe results to findings).
 *
 * @param probe   {@code dns}, {@code tcp}, {@code rdp}, {@code tls}, {@code certificate} or {@code ntlm}
 * @param outcome the probe's outcome name, e.g. {@code REFUSED}, {@code TIMEOUT}, {@code CERT_EXPIRED}
 * @param details further facts, e.g. {@code notAfter}, {@code selectedProtocol}
 */
public record ProbeFinding(String probe, String outcome, Map<String, String> details) {
    public ProbeFinding {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(outcome, "outcome");
        details = Map.copyOf(details);
    }

    /** The named detail, or the empty string when the probe did not report it. */
    public String detail(String key) {
        return details.getOrDefault(key, "");
    }

    /** The named detail as a number, or {@code fallback} when absent or not a number. */
    public long number(String key, long fallback) {
        try {
            return Long.parseLong(detail(key).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

package dev.triage.rules.internal;

import java.util.Locale;

/**
 * How common a cause is among its pack's resolved cases ({@code base-rates.tsv}), and the prior it is worth in points.
 *
 * <p>The prior is the log of the cause's share against the average cause's, in the ranking's units:
 * {@code SCALE * T * ln(P(cause) / P(average))}, the share smoothed by one case per cause so a cause no development
 * case had keeps a share.
 *
 * @param causeId  the cause
 * @param resolved resolved development cases it explained
 * @param cases    resolved development cases of the pack
 * @param causes   causes of the pack
 */
public record BaseRate(String causeId, int resolved, int cases, int causes) {
    /**
     * The share of the log ratio a ranking uses. Chosen on the design half of the development cases (k from 0 to 1.5,
     * best top-1 at 0.6 with top-3 kept) and then measured once on the check half (docs/accuracy.md, "Session 15, branch prior").
     */
    static final double SCALE = 0.6;

    /** Points for (common causes) or against (rare ones) the cause; 0 when it is about as common as the average. */
    int points() {
        double ratio = (resolved + 1.0) * causes / (cases + causes);
        return (int) Math.round(SCALE * Ranking.TEMPERATURE * Math.log(ratio));
    }

    /**
     * Shown under the cause, so it names no cause id; it says whose cases were counted, because a helpdesk reading
     * "resolved cases" would otherwise take them for its own.
     */
    String describe() {
        return String.format(Locale.ROOT, "how common it is: %d of the %d resolved cases in the knowledge pack's"
                + " reference set had this cause (%.0f for the average cause)", resolved, cases,
                (double) cases / causes);
    }
}

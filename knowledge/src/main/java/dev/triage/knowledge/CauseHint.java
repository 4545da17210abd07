package dev.triage.knowledge;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A cause a decoded code points at, as its code table states it, with the weight an admin would give the code as
 * evidence for that cause (10 and more: the code names the mechanism; 5-8: a usual cause; 2-4: a known, rarer one).
 *
 * @param causeId a cause id of the pack ({@code net.unreachable})
 * @param weight  1 to 20
 */
public record CauseHint(String causeId, int weight) {
    private static final Pattern CAUSE_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*\\.[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int MAX_WEIGHT = 20;

    public CauseHint {
        Objects.requireNonNull(causeId, "causeId");
        if (!CAUSE_ID.matcher(causeId).matches()) {
            throw new IllegalArgumentException("'" + causeId + "' is not a cause id (area.kebab-name)");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight of " + causeId + " must be 1-" + MAX_WEIGHT + ": " + weight);
        }
    }
}

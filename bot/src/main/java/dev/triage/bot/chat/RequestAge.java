package dev.triage.bot.chat;

import dev.triage.bot.chat.SignedRequest.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The part of a signed-request check that every platform shares: both headers present and the timestamp within
 * {@code window} of now, either way, so a captured request cannot be replayed later nor one dated ahead kept for
 * later. Runs before the signature maths so a stale request costs no cryptography.
 */
public record RequestAge(Clock clock, Duration window) {

    /** {@link Verdict.Valid} when the signature may be checked; the caller still has to check it. */
    public Verdict check(Optional<String> timestamp, Optional<String> signature) {
        if (timestamp.isEmpty() || signature.isEmpty()) {
            return new Verdict.Refused("no signature or timestamp");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return new Verdict.Refused("the timestamp is not a number");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > window.toSeconds()) {
            return new Verdict.Refused("the timestamp is " + skew + " s away from now");
        }
        return new Verdict.Valid();
    }
}

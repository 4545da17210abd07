package dev.triage.bot.store;

/**
 * How much one case may hold. A case is a conversation about one failure, so these are far above any real one; they
 * stop a runaway script or a hostile user from growing a case (and every later turn's work) without end.
 *
 * @param maxFacts      stored facts (messages, answers, probe runs)
 * @param maxInputBytes the bytes of all stored facts together
 */
public record CaseLimits(int maxFacts, long maxInputBytes) {
    public CaseLimits {
        if (maxFacts < 1 || maxInputBytes < 1) {
            throw new IllegalArgumentException("case limits must be positive: " + maxFacts + ", " + maxInputBytes);
        }
    }

    /** 10,000 facts and 16 MiB: a long chat stays well inside both. */
    public static CaseLimits standard() {
        return new CaseLimits(10_000, 16L * 1024 * 1024);
    }
}

package dev.triage.bot.conversation;

import java.util.Objects;
import java.util.Optional;

/** What came of a user's turn: a reply, a refusal of the input (with the reason), or an unknown case. */
public sealed interface TurnOutcome {

    /**
     * The turn was stored and answered from the text alone.
     *
     * @param reply     the diagnosis now
     * @param probeHost a host this case names that has not been probed yet: the caller runs the probes (off the
     *                  request thread) and records them with {@link Conversations#recordProbeRun}
     */
    record Replied(Reply reply, Optional<String> probeHost) implements TurnOutcome {
        public Replied {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(probeHost, "probeHost");
        }

        public Replied(Reply reply) {
            this(reply, Optional.empty());
        }
    }

    /** The input was not accepted; nothing was stored. The message says what to do instead. */
    record Rejected(String message) implements TurnOutcome {
    }

    /** The case holds as much as a case may; nothing was stored. The message says so and what to do. */
    record CaseFull(String caseId, String message) implements TurnOutcome {
    }

    record NoSuchCase(String caseId) implements TurnOutcome {
    }
}

package dev.triage.bot.conversation;

/** What came of a user's turn: a reply, a refusal of the input (with the reason), or an unknown case. */
public sealed interface TurnOutcome {

    record Replied(Reply reply) implements TurnOutcome {
    }

    /** The input was not accepted; nothing was stored. The message says what to do instead. */
    record Rejected(String message) implements TurnOutcome {
    }

    record NoSuchCase(String caseId) implements TurnOutcome {
    }
}

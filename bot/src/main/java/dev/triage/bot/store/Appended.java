package dev.triage.bot.store;

/** What came of appending facts to a case. */
public sealed interface Appended {

    /** The facts were stored; {@code lastSeq} is the seq of the last one. */
    record Stored(int lastSeq, int factCount, long inputBytes) implements Appended {
    }

    /** Nothing was stored: the case would pass a limit. The message says which, in words for the user. */
    record Full(String message) implements Appended {
    }

    /** Nothing was stored: there is no such case. */
    record NoSuchCase() implements Appended {
    }
}

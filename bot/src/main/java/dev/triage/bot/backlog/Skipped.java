package dev.triage.bot.backlog;

import java.util.Objects;

/** A row of the input that was not diagnosed because it could not be read, and why. */
public record Skipped(int line, String reason) {
    public Skipped {
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code line 7: reason}, for the run's messages. */
    public String message() {
        return "line " + line + ": " + reason;
    }
}

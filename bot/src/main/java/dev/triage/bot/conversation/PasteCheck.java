package dev.triage.bot.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Refuses text that cannot be diagnosed, with a message that says what to paste instead. */
public final class PasteCheck {
    /** Large enough for a FreeRDP trace of one connection attempt; a whole day's log is not a paste. */
    public static final int MAX_BYTES = 256 * 1024;
    // Printable text has almost no control characters; a few stray ones come from terminal colour codes.
    private static final double MAX_CONTROL_SHARE = 0.05;

    private PasteCheck() {
    }

    /** The problem with this text, or empty when it can be diagnosed. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Nothing to diagnose: paste the error message, its error codes, or the client's log.");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of(String.format(
                    "The text is %,d bytes; the limit is %,d. Paste the error dialog, or the last lines of the log"
                            + " around the failure.", bytes, MAX_BYTES));
        }
        if (looksBinary(text)) {
            return Optional.of("This looks like binary data, not text. Paste the error message as text (in the"
                    + " Remote Desktop dialog, click 'See details' and copy), or the client's log lines.");
        }
        return Optional.empty();
    }

    private static boolean looksBinary(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            boolean isControl = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != 0x1b;
            if (isControl || c == '\uFFFD') {
                control++;
            }
        }
        return control > text.length() * MAX_CONTROL_SHARE;
    }
}

package dev.triage.bot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The command line's streams, and reading a paste from arguments or standard input. */
record Io(InputStream in, PrintStream out, PrintStream err) {
    // Read a little past the paste limit so the limit's message can report the real size.
    private static final int MAX_STDIN_BYTES = 4 * 1024 * 1024;

    /** The text to diagnose: {@code -} reads standard input; otherwise the arguments joined by spaces. */
    String paste(List<String> positionals) {
        if (positionals.size() == 1 && positionals.get(0).equals("-")) {
            return readStdin();
        }
        return String.join(" ", positionals);
    }

    private String readStdin() {
        try {
            byte[] bytes = in.readNBytes(MAX_STDIN_BYTES);
            return decode(bytes);
        } catch (IOException e) {
            throw new UsageException("cannot read standard input: " + e.getMessage());
        }
    }

    /** Strict UTF-8 first; invalid bytes become U+FFFD, which the paste check counts as binary. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}

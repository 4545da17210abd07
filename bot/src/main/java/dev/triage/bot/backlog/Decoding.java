package dev.triage.bot.backlog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Decodes an export as UTF-8. A byte sequence that is not UTF-8 is read as windows-1252 instead, byte by byte: an
 * export saved by Excel on Windows writes é as the single byte E9, and reading it as é keeps the ticket whole, where
 * a replacement character would lose the letter and a failure would lose the file. The lines where that happened are
 * reported, so nobody is surprised by it.
 */
final class Decoding {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Decoding() {
    }

    /** The decoded text, and the (1-based) lines that held bytes read as windows-1252. */
    record Decoded(String text, List<Integer> recodedLines) {
        Decoded {
            recodedLines = List.copyOf(recodedLines);
        }
    }

    static Decoded decode(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        List<Integer> recodedAt = new ArrayList<>();
        while (true) {
            CoderResult result = utf8.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            // Malformed or unmappable: those bytes only, as windows-1252 (one character per byte).
            byte[] odd = new byte[result.length()];
            in.get(odd);
            recodedAt.add(out.position());
            out.put(new String(odd, WINDOWS_1252));
        }
        utf8.flush(out);
        String text = out.flip().toString();
        return new Decoded(text, lines(text, recodedAt));
    }

    private static List<Integer> lines(String text, List<Integer> offsets) {
        TreeSet<Integer> lines = new TreeSet<>();
        int line = 1;
        int scanned = 0;
        for (int offset : offsets) {
            for (; scanned < offset; scanned++) {
                char c = text.charAt(scanned);
                if (c == '\n' || (c == '\r' && (scanned + 1 >= text.length() || text.charAt(scanned + 1) != '\n'))) {
                    line++;
                }
            }
            lines.add(line);
        }
        return new ArrayList<>(lines);
    }
}

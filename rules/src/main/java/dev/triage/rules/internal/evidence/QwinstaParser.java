package dev.triage.rules.internal.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code qwinsta} ({@code query session}) output: a table headed SESSIONNAME, USERNAME, ID, STATE, TYPE, DEVICE with
 * one row per session and listener ("services", "console", "rdp-tcp#0", and the listener "rdp-tcp 65536 Listen").
 * Microsoft's "General Remote Desktop connection troubleshooting" ("Check that the RDP listener is functioning") reads
 * it so: rdp-tcp in Listen is the listener up; rdp-tcp missing or in another state (Down) is a listener that is
 * broken or gone. Only English headers are read; the columns are padded with runs of spaces, which phrases cannot
 * match.
 */
final class QwinstaParser {
    /** The listener's own row: "rdp-tcp" exactly, not a session "rdp-tcp#3" created from it. */
    private static final String LISTENER = "rdp-tcp";

    List<UserEvidence> parse(List<String> lines) {
        boolean inTable = false;
        int rows = 0;
        String state = null;
        for (String line : lines) {
            String lower = line.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("sessionname") && lower.contains("state")) {
                inTable = true;
                continue;
            }
            if (!inTable) {
                continue;
            }
            String[] cells = lower.replaceFirst("^>", "").strip().split("\\s+");
            if (lower.isEmpty() || cells.length < 2 || !cells[cells.length - 1].matches("[a-z]+|\\d+")) {
                break;
            }
            rows++;
            if (cells[0].equals(LISTENER)) {
                state = stateOf(line);
            }
        }
        if (!inTable || rows == 0) {
            return List.of();
        }
        List<UserEvidence> out = new ArrayList<>();
        out.add(new ListenerListing(state == null ? "" : state));
        return out;
    }

    /** The STATE cell of the listener's row: the word after its numeric ID (65536 on every Windows release). */
    private static String stateOf(String line) {
        String[] cells = line.strip().replaceFirst("^>", "").strip().split("\\s+");
        for (int i = 1; i + 1 < cells.length; i++) {
            if (cells[i].matches("\\d+")) {
                return cells[i + 1];
            }
        }
        return "unknown";
    }
}

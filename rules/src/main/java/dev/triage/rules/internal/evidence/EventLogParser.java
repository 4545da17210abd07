package dev.triage.rules.internal.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Event Viewer entries as users paste them: the detail pane ("Event ID: 36870"), PowerShell tables (a row starting
 * with a time and the id), "event 1058" in prose, or only the event's standard message. Ids are recognised only when
 * they are one of {@link #SOURCES}; a message alone is recognised by its standard wording ({@link #MESSAGES}). The
 * entry's detail is the NTSTATUS of a 4625 (Sub Status wins over Status) or the reason of a 1026, read from the lines
 * that follow it.
 */
final class EventLogParser {
    /** Compiled once: {@code String.split} with a regex compiles it again on every line. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String RCM = "TerminalServices-RemoteConnectionManager";
    /** The events the rules know, with their usual provider (Microsoft's event documentation). */
    static final Map<Integer, String> SOURCES = Map.ofEntries(
            Map.entry(1057, "TerminalServices-RemoteConnectionManager"),
            Map.entry(1058, "TerminalServices-RemoteConnectionManager"),
            Map.entry(36870, "Schannel"), Map.entry(36871, "Schannel"), Map.entry(36874, "Schannel"),
            Map.entry(36888, "Schannel"), Map.entry(1026, "TerminalServices-ClientActiveXCore"),
            Map.entry(4625, "Security-Auditing"), Map.entry(4825, "Security-Auditing"), Map.entry(1149, "TerminalServices-RemoteConnectionManager"),
            Map.entry(20499, "TerminalServices-RemoteConnectionManager"), Map.entry(56, "TermDD"),
            Map.entry(50, "TermDD"), Map.entry(1511, "User Profile Service"), Map.entry(1515, "User Profile Service"),
            // the RD Session Host's licensing, connection and certificate events (event-catalogue.drl)
            Map.entry(1004, RCM), Map.entry(1006, RCM), Map.entry(1028, RCM), Map.entry(1036, RCM),
            Map.entry(1065, RCM), Map.entry(1068, RCM), Map.entry(1069, RCM), Map.entry(1128, RCM),
            Map.entry(1130, RCM), Map.entry(260, RCM), Map.entry(261, RCM),
            Map.entry(131, "RemoteDesktopServices-RdpCoreTS"), Map.entry(140, "RemoteDesktopServices-RdpCoreTS"));

    /** Lower-case fragments of each event's standard message text. */
    private static final List<Object[]> MESSAGES = List.of(
            new Object[] {1057, "failed to create a new self signed certificate"},
            new Object[] {1058, "failed to replace the expired self signed certificate"},
            new Object[] {36870, "accessing the tls server credential private key"},
            new Object[] {36870, "access the tls server credential private key"},
            new Object[] {36870, "access the ssl server credential private key"},
            new Object[] {36871, "creating a tls server credential"},
            new Object[] {36871, "creating an ssl server credential"},
            new Object[] {36871, "creating a tls client credential"},
            new Object[] {36874, "none of the cipher suites supported by the client application are supported by the server"},
            new Object[] {36874, "protocol version supported by the client"},
            new Object[] {36888, "fatal alert was generated and sent to the remote endpoint"},
            new Object[] {1026, "rdp clientactivex has been disconnected"},
            new Object[] {4625, "an account failed to log on"},
            new Object[] {4825, "a user was denied the access to remote desktop"},
            new Object[] {1149, "user authentication succeeded"},
            new Object[] {20499, "taken too long to load the user configuration"},
            new Object[] {56, "security layer detected an error in the protocol stream"},
            new Object[] {50, "x.224 detected an error in the protocol stream"},
            new Object[] {1511, "cannot find the local profile and is logging you on with a temporary profile"},
            new Object[] {1515, "has backed up this user's profile"},
            new Object[] {1004, "cannot issue a client license"},
            new Object[] {1006, "received large number of incomplete connections"},
            new Object[] {1028, "because its license could not be renewed"},
            new Object[] {1036, "session creation failed. the relevant status code was"},
            new Object[] {1065, "template-based certificate that is being used by the terminal server"},
            new Object[] {1065, "has expired and cannot be replaced by the terminal server"},
            new Object[] {1069, "grace period has expired and licensing mode for the remote desktop session host"},
            new Object[] {1068, "licensing mode for the remote desktop session host server is not configured"},
            new Object[] {1128, "grace period has expired and the service has not registered with a license server"},
            new Object[] {1130, "does not have a remote desktop license server specified"},
            new Object[] {1068, "rd licensing mode has not been configured"},
            new Object[] {260, "failed while listening. error code"},
            new Object[] {261, "listener rdp-tcp received a connection"},
            new Object[] {131, "the server accepted a new tcp connection from client"},
            new Object[] {140, "failed because the user name or password is not correct"});

    /** NTSTATUS values of 4625 that name a reason; 0xc000006d ("bad user name or password") is the fallback. */
    private static final List<String> STATUSES = List.of("0xc000006a", "0xc0000234", "0xc0000072", "0xc0000193",
            "0xc0000071", "0xc0000064", "0xc000015b", "0xc0000224", "0xc000006e", "0xc000006f", "0xc0000070",
            "0xc0000133", "0xc000006d");

    /** One entry in progress. */
    private static final class Entry {
        final int id;
        String detail = "";

        Entry(int id) {
            this.id = id;
        }
    }

    List<UserEvidence> parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Entry current = null;
        for (String line : lines) {
            String lower = Text.lower(line);
            List<Integer> ids = labelledIds(lower);
            if (ids.isEmpty()) {
                int id = messageId(lower, current);
                ids = id > 0 ? List.of(id) : List.of();
            }
            for (int id : ids) {
                if (current == null || current.id != id || !current.detail.isEmpty()) {
                    current = new Entry(id);
                    entries.add(current);
                }
            }
            if (current != null) {
                detail(current, lower);
            }
        }
        List<UserEvidence> out = new ArrayList<>();
        for (Entry e : entries) {
            EventLogEntry fact = new EventLogEntry(e.id, SOURCES.get(e.id), e.detail);
            if (!out.contains(fact)) {
                out.add(fact);
            }
        }
        return out;
    }

    /** "Event ID: 1058", "EventID 1058", "event id 36870", "Event 1149", "Id : 4625" or a table row "...  36870 Error". */
    private static List<Integer> labelledIds(String lower) {
        String stripped = lower.strip();
        for (String label : List.of("id :", "id:")) {
            int id = stripped.startsWith(label) ? Text.leadingInt(stripped.substring(label.length())) : -1;
            if (SOURCES.containsKey(id)) {
                return List.of(id);
            }
        }
        List<Integer> ids = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = lower.indexOf("event", from)) >= 0) {
            from = at + 5;
            boolean start = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
            int id = start ? Text.leadingInt(afterLabel(lower, from)) : -1;
            if (SOURCES.containsKey(id) && !ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            int row = tableRowId(lower);
            return row > 0 ? List.of(row) : List.of();
        }
        return ids;
    }

    /** What follows "event": an optional "id"/"ID", then separators. Bounded, so the scan stays linear. */
    private static String afterLabel(String lower, int from) {
        int i = skipSeparators(lower, from);
        if (lower.startsWith("id", i)) {
            i = skipSeparators(lower, i + 2);
        }
        return lower.substring(i, Math.min(lower.length(), i + 6));
    }

    private static int skipSeparators(String lower, int from) {
        int i = from;
        int limit = Math.min(lower.length(), from + 8);
        while (i < limit && (lower.charAt(i) == ' ' || lower.charAt(i) == ':' || lower.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * A Get-WinEvent / Get-EventLog row or prose: a token equals a known id and the line names a level or source. The
     * five-digit Schannel ids are distinctive enough to count on their own.
     */
    private static int tableRowId(String lower) {
        boolean rowLike = lower.contains(" error") || lower.contains(" warning") || lower.contains(" information")
                || lower.contains("schannel") || lower.contains("termdd");
        for (String token : WHITESPACE.split(lower.strip(), 16)) {
            int id = token.length() <= 5 ? Text.leadingInt(token) : -1;
            boolean known = id >= 1000 && String.valueOf(id).equals(token) && SOURCES.containsKey(id);
            if (known && (rowLike || id > 30000)) {
                return id;
            }
        }
        return -1;
    }

    /** The id whose standard message this line contains, unless the current entry already is that event. */
    private static int messageId(String lower, Entry current) {
        for (Object[] m : MESSAGES) {
            if (lower.contains((String) m[1])) {
                int id = (Integer) m[0];
                return current != null && current.id == id ? -1 : id;
            }
        }
        return -1;
    }

    private static void detail(Entry e, String lower) {
        if (e.id == 4625) {
            for (String status : STATUSES) {
                if (lower.contains(status) && (e.detail.isEmpty() || e.detail.equals("0xc000006d"))) {
                    e.detail = status;
                    return;
                }
            }
        } else if (e.id == 1026 && e.detail.isEmpty()) {
            int at = lower.indexOf("reason=");
            int reason = at < 0 ? -1 : Text.leadingInt(lower.substring(at + "reason=".length()));
            if (reason > 0) {
                e.detail = "0x" + Integer.toHexString(reason);
            }
        }
    }
}

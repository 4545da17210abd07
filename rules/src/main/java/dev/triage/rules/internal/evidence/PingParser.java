package dev.triage.rules.internal.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ping} output of Windows ("Pinging NAME [ADDR]", "Reply from", "Request timed out.", "Destination host
 * unreachable.", "could not find host") and of Linux and macOS ("PING NAME (ADDR)", "bytes from", "Request timeout
 * for", "Name or service not known", "cannot resolve"), and of German Windows ("Ping wird ausgeführt für", "Antwort von",
 * "Zeitüberschreitung der Anforderung", "Zielhost nicht erreichbar"). A ping of a name also shows how the user's PC
 * resolved it.
 */
final class PingParser {
    private static final String GERMAN_START = "ping wird ausgeführt für ";

    /** One ping run in progress. */
    private static final class Run {
        final String host;
        int replies;
        int lost;
        boolean unreachable;

        Run(String host) {
            this.host = host;
        }
    }

    List<UserEvidence> parse(List<String> lines) {
        List<UserEvidence> out = new ArrayList<>();
        Run run = null;
        for (String line : lines) {
            String s = line.strip();
            String lower = Text.lower(s);
            if (lower.startsWith("pinging ") || lower.startsWith(GERMAN_START)
                    || lower.startsWith("ping ") && s.indexOf('(') > 0) {
                emit(out, run);
                run = start(out, s);
            } else if (unknownHost(out, s, lower)) {
                emit(out, run);
                run = null;
            } else if (run != null) {
                count(run, lower);
            }
        }
        emit(out, run);
        return out;
    }

    /** "Pinging srv.corp [10.0.0.5] with 32 bytes of data:" or "PING srv (10.0.0.5) 56(84) bytes of data." */
    private static Run start(List<UserEvidence> out, String s) {
        String lower = Text.lower(s);
        boolean german = lower.startsWith(GERMAN_START);
        boolean windows = german || lower.startsWith("pinging ");
        String host = Text.token(s.substring(german ? GERMAN_START.length() : windows ? 8 : 5));
        String address = Text.between(s, 0, windows ? '[' : '(', windows ? ']' : ')');
        if (address != null && Text.isAddress(address) && !Text.isAddress(host) && !host.isEmpty()) {
            out.add(new UserDnsLookup(host, List.of(address), false));
        }
        return new Run(host);
    }

    private static void count(Run run, String lower) {
        if (lower.contains("unreachable") || lower.contains("nicht erreichbar")) {
            run.unreachable = true;
            run.lost++;
        } else if (lower.startsWith("reply from") || lower.startsWith("antwort von") || lower.contains("bytes from")) {
            run.replies++;
        } else if (lower.startsWith("request timed out") || lower.startsWith("request timeout")
                || lower.startsWith("general failure") || lower.startsWith("transmit failed")
                || lower.startsWith("zeitüberschreitung der anforderung")) {
            run.lost++;
        }
    }

    private static void emit(List<UserEvidence> out, Run run) {
        if (run != null && run.replies + run.lost > 0) {
            out.add(new UserPing(run.host, run.replies, run.lost, run.unreachable));
        }
    }

    /** The name did not resolve: Windows "could not find host X", Linux "ping: X: Name or service not known". */
    private static boolean unknownHost(List<UserEvidence> out, String s, String lower) {
        int find = lower.indexOf("could not find host ");
        if (find >= 0) {
            add(out, Text.token(s.substring(find + "could not find host ".length())), true);
            return true;
        }
        int german = lower.indexOf("konnte host ");
        if (german >= 0 && lower.contains("nicht finden")) {
            add(out, unquote(Text.token(s.substring(german + "konnte host ".length()))), true);
            return true;
        }
        if (!lower.startsWith("ping: ")) {
            return false;
        }
        String rest = s.substring(6);
        if (lower.contains("name or service not known") || lower.contains("temporary failure in name resolution")) {
            int colon = rest.indexOf(':');
            add(out, Text.token(colon < 0 ? rest : rest.substring(0, colon)), !lower.contains("temporary"));
            return true;
        }
        for (String prefix : List.of("unknown host ", "cannot resolve ")) {
            if (Text.lower(rest).startsWith(prefix)) {
                String name = rest.substring(prefix.length());
                int colon = name.indexOf(':');
                add(out, Text.token(colon < 0 ? name : name.substring(0, colon)), true);
                return true;
            }
        }
        return false;
    }

    private static String unquote(String name) {
        String n = name;
        while (!n.isEmpty() && "\"'„“”".indexOf(n.charAt(0)) >= 0) {
            n = n.substring(1);
        }
        while (!n.isEmpty() && "\"'„“”".indexOf(n.charAt(n.length() - 1)) >= 0) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    private static void add(List<UserEvidence> out, String name, boolean nxdomain) {
        if (!name.isEmpty()) {
            out.add(new UserDnsLookup(name, List.of(), nxdomain));
        }
    }
}

package dev.triage.rules.internal.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code nslookup} output of Windows and of BIND's tool: a {@code Server:}/{@code Address:} header naming the resolver,
 * then {@code Name:} with {@code Address:} or {@code Addresses:} lines (further addresses on indented lines), or a
 * {@code *** ... can't find NAME: Non-existent domain} / {@code ** server can't find NAME: NXDOMAIN} line. Nothing is
 * read before the first {@code Server:} line, so "Name:" fields of other tools are not mistaken for answers.
 */
final class NslookupParser {
    private enum State { OUTSIDE, HEADER, ANSWER }

    List<UserEvidence> parse(List<String> lines) {
        List<UserEvidence> out = new ArrayList<>();
        State state = State.OUTSIDE;
        String name = null;
        List<String> addresses = new ArrayList<>();
        for (String line : lines) {
            String s = line.strip();
            String v;
            if ((v = Text.field(s, "Server")) != null) {
                flush(out, name, addresses);
                name = null;
                state = State.HEADER;
            } else if (state == State.OUTSIDE) {
                continue;
            } else if (s.startsWith("*")) {
                notFound(out, s);
            } else if ((v = Text.field(s, "Name")) != null) {
                flush(out, name, addresses);
                name = Text.token(v);
                state = State.ANSWER;
            } else if ((v = address(s)) != null) {
                if (state == State.ANSWER) {
                    addIfAddress(addresses, v);
                }
            } else if (state == State.ANSWER && !s.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                addIfAddress(addresses, Text.token(s));
            } else if (s.isEmpty() && state == State.ANSWER) {
                flush(out, name, addresses);
                name = null;
                state = State.HEADER;
            }
        }
        flush(out, name, addresses);
        return out;
    }

    private static String address(String s) {
        String v = Text.field(s, "Addresses");
        return v != null ? v : Text.field(s, "Address");
    }

    private static void addIfAddress(List<String> addresses, String value) {
        String a = Text.token(value);
        if (Text.isAddress(a) && !addresses.contains(a)) {
            addresses.add(a);
        }
    }

    private static void flush(List<UserEvidence> out, String name, List<String> addresses) {
        if (name != null && !name.isEmpty() && !addresses.isEmpty()) {
            out.add(new UserDnsLookup(name, addresses, false));
        }
        addresses.clear();
    }

    /** "*** dc01 can't find srv: Non-existent domain" and "** server can't find srv: NXDOMAIN". */
    private static void notFound(List<UserEvidence> out, String s) {
        String lower = Text.lower(s);
        int find = lower.indexOf("can't find ");
        if (find < 0) {
            return;
        }
        String rest = s.substring(find + "can't find ".length());
        int colon = rest.indexOf(':');
        String name = Text.token(colon < 0 ? rest : rest.substring(0, colon));
        if (name.isEmpty()) {
            return;
        }
        boolean nx = lower.contains("non-existent domain") || lower.contains("nxdomain");
        out.add(new UserDnsLookup(name, List.of(), nx));
    }
}

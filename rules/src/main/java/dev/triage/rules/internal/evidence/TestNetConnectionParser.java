package dev.triage.rules.internal.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * PowerShell {@code Test-NetConnection} ({@code tnc}) output: blocks of {@code Key : Value} lines headed by
 * {@code ComputerName}, and the {@code WARNING:} lines PowerShell prints before a block. Each block yields a TCP test
 * ({@code TcpTestSucceeded}, or a "TCP connect ... failed" warning), a ping ({@code PingSucceeded}) and, when the name
 * did not resolve, a failed lookup.
 */
final class TestNetConnectionParser {
    private static final int RDP_PORT = 3389;

    /** What one block said so far; null fields were not printed. */
    private static final class Block {
        String name;
        String address;
        int port = -1;
        Boolean tcp;
        Boolean ping;
        boolean nameFailed;
        boolean seenField;

        void emit(List<UserEvidence> out) {
            String host = name != null && !name.isEmpty() ? name : address != null ? address : "";
            if (nameFailed && !host.isEmpty() && !Text.isAddress(host)) {
                out.add(new UserDnsLookup(host, List.of(), true));
            } else if (name != null && !name.isEmpty() && !Text.isAddress(name) && address != null
                    && Text.isAddress(address)) {
                out.add(new UserDnsLookup(name, List.of(address), false));
            }
            if (tcp != null) {
                out.add(new UserTcpTest(host, port > 0 && port <= 65535 ? port : RDP_PORT, tcp));
            }
            if (ping != null) {
                out.add(new UserPing(host, ping ? 1 : 0, ping ? 0 : 1, false));
            }
        }
    }

    List<UserEvidence> parse(List<String> lines) {
        List<UserEvidence> out = new ArrayList<>();
        Block block = new Block();
        for (String line : lines) {
            if (line.stripLeading().regionMatches(true, 0, "WARNING:", 0, 8)) {
                if (block.seenField) {
                    block.emit(out);
                    block = new Block();
                }
                warning(block, line.strip().substring(8).strip());
                continue;
            }
            String name = Text.field(line, "ComputerName");
            if (name != null && block.seenField) {
                block.emit(out);
                block = new Block();
            }
            field(block, line, name);
        }
        block.emit(out);
        return out;
    }

    private static void warning(Block block, String text) {
        String lower = Text.lower(text);
        if (lower.startsWith("tcp connect to") && lower.contains("failed")) {
            block.tcp = false;
            String inside = Text.between(text, 0, '(', ')');
            if (inside != null && inside.contains(":")) {
                int colon = inside.lastIndexOf(':');
                block.address = inside.substring(0, colon).strip();
                block.port = Text.leadingInt(inside.substring(colon + 1));
            }
        } else if (lower.startsWith("name resolution of") && lower.contains("failed")) {
            block.nameFailed = true;
            block.name = Text.token(text.substring("name resolution of".length()));
        } else if (lower.startsWith("ping to") && lower.contains("failed")) {
            block.ping = false;
        }
    }

    private static void field(Block block, String line, String name) {
        String v;
        if (name != null) {
            block.name = Text.token(name);
            block.seenField = true;
        } else if ((v = Text.field(line, "RemoteAddress")) != null) {
            block.address = Text.token(v);
            block.seenField = true;
        } else if ((v = Text.field(line, "RemotePort")) != null) {
            block.port = Text.leadingInt(v);
        }
        if ((v = anywhere(line, "TcpTestSucceeded")) != null) {
            block.tcp = bool(v, block.tcp);
            block.seenField = true;
        }
        if ((v = anywhere(line, "PingSucceeded")) != null) {
            block.ping = bool(v, block.ping);
            block.seenField = true;
        }
    }

    /** The two result fields are distinctive, so users' one-line summaries ("... -> TcpTestSucceeded : False") count. */
    private static String anywhere(String line, String key) {
        int at = Text.lower(line).indexOf(Text.lower(key));
        return at < 0 ? null : Text.field(line.substring(at), key);
    }

    private static Boolean bool(String value, Boolean otherwise) {
        String v = Text.lower(value);
        return v.startsWith("true") ? Boolean.TRUE : v.startsWith("false") ? Boolean.FALSE : otherwise;
    }
}

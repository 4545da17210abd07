package dev.triage.rules.internal.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The port tests people run by hand before they paste: telnet and netcat. Each result is a {@link UserTcpTest}, the
 * same fact Test-NetConnection gives, so one set of rules (user-evidence.drl, vantage-points.drl) reads them all.
 * <ul>
 *   <li>Windows telnet: "Connecting To HOST...Could not open connection to the host, on port N: Connect failed"
 *       (the test Microsoft's KB2477023 and the "General Remote Desktop connection troubleshooting" page give).</li>
 *   <li>netkit/inetutils telnet (telnet/commands.c): "Trying ADDR...", then "Connected to HOST." and "Escape character
 *       is '^]'." on success, or "telnet: Unable to connect to remote host: ERRNO".</li>
 *   <li>OpenBSD netcat {@code -v} (netcat.c): "nc: connect to HOST port N (tcp) failed: ERRNO" and
 *       "Connection to HOST N port [tcp/SERVICE] succeeded!".</li>
 * </ul>
 * Whether the failure was a refusal or a time-out is left to the wording families (refused, connect-timeout), which
 * read the same errno text wherever it appears. Tests of ports no RDP listener uses (SSH, telnet, HTTP, SMB, RPC,
 * DNS, WinRM) say nothing about the RDP port and are skipped.
 */
final class PortTestParser {
    private static final int RDP_PORT = 3389;
    private static final Set<Integer> NOT_RDP = Set.of(22, 23, 53, 80, 135, 139, 443, 445, 5985, 5986);
    private static final String WINDOWS_FAILED = "could not open connection to the host";
    private static final String UNIX_FAILED = "unable to connect to remote host";
    private static final String ESCAPE = "escape character is";

    /** What the lines read so far said about the test in progress. */
    private static final class Run {
        String host = "";
        int port = -1;
        String connectedTo;
    }

    List<UserEvidence> parse(List<String> lines) {
        List<UserEvidence> out = new ArrayList<>();
        Run run = new Run();
        for (String line : lines) {
            String s = line.strip();
            String lower = Text.lower(s);
            command(run, s, lower);
            if (lower.contains(WINDOWS_FAILED)) {
                windowsFailure(run, s, lower);
                add(out, run, false);
            } else if (lower.contains(UNIX_FAILED)) {
                add(out, run, false);
            } else if (lower.startsWith("connected to ")) {
                run.connectedTo = Text.token(s.substring("connected to ".length()));
            } else if (lower.startsWith(ESCAPE) && run.connectedTo != null) {
                run.host = run.host.isEmpty() ? run.connectedTo : run.host;
                add(out, run, true);
            } else {
                netcat(out, s, lower);
            }
        }
        return out;
    }

    /** "telnet HOST PORT" or "Trying ADDR..." name the host and port the next result is about. */
    private static void command(Run run, String s, String lower) {
        int at = lower.indexOf("telnet ");
        if (at >= 0 && !lower.startsWith("telnet:", at)) {
            String[] words = s.substring(at + "telnet ".length()).strip().split("\\s+");
            String host = Text.token(words[0]);
            int port = words.length >= 2 ? Text.leadingInt(words[1]) : -1;
            // Prose ("I tried telnet and ...") names no host: a command has a port, an address or a dotted name.
            if (port > 0 || Text.isAddress(host) || host.indexOf('.') > 0) {
                run.host = host;
                run.port = port;
            }
        } else if (lower.startsWith("trying ") && run.host.isEmpty()) {
            run.host = Text.token(s.substring("trying ".length()).replace("...", " "));
        }
    }

    /** "Connecting To HOST...Could not open connection to the host, on port N: Connect failed". */
    private static void windowsFailure(Run run, String s, String lower) {
        int connecting = lower.indexOf("connecting to ");
        if (connecting >= 0) {
            String rest = s.substring(connecting + "connecting to ".length());
            int dots = rest.indexOf("...");
            run.host = Text.token(dots >= 0 ? rest.substring(0, dots) : rest);
        }
        int on = lower.indexOf("on port ");
        if (on >= 0) {
            run.port = Text.leadingInt(s.substring(on + "on port ".length()));
        }
    }

    /** "nc: connect to HOST port N (tcp) failed: ..." and "Connection to HOST N port [tcp/...] succeeded!". */
    private static void netcat(List<UserEvidence> out, String s, String lower) {
        int failed = lower.indexOf("connect to ");
        if (failed >= 0 && lower.contains(" (tcp) failed")) {
            String[] words = s.substring(failed + "connect to ".length()).split("\\s+");
            if (words.length >= 3 && Text.lower(words[1]).equals("port")) {
                addTest(out, Text.token(words[0]), Text.leadingInt(words[2]), false);
            }
            return;
        }
        int ok = lower.indexOf("connection to ");
        if (ok >= 0 && lower.contains("succeeded!") && lower.contains("[tcp/")) {
            String[] words = s.substring(ok + "connection to ".length()).split("\\s+");
            if (words.length >= 2) {
                addTest(out, Text.token(words[0]), Text.leadingInt(words[1]), true);
            }
        }
    }

    private static void add(List<UserEvidence> out, Run run, boolean succeeded) {
        addTest(out, run.host, run.port, succeeded);
        run.connectedTo = null;
    }

    private static void addTest(List<UserEvidence> out, String host, int port, boolean succeeded) {
        int p = port > 0 && port <= 65535 ? port : RDP_PORT;
        if (!NOT_RDP.contains(p)) {
            out.add(new UserTcpTest(host, p, succeeded));
        }
    }
}

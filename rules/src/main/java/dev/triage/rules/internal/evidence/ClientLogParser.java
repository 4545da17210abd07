package dev.triage.rules.internal.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FreeRDP-based client logs (xfreerdp, wlfreerdp, Remmina): lines carrying a WLog level tag ({@code [ERROR]},
 * {@code [WARN]}, {@code [FATAL]}) or naming FreeRDP or Remmina. Wordings come from FreeRDP's tcp, transport, tls,
 * nla and known_hosts code (libfreerdp/core, libfreerdp/crypto) as printed by its releases 2.x and 3.x; the errno
 * texts are glibc's. One fact per kind, with the first line that showed it.
 */
final class ClientLogParser {
    /** Lower-case markers, in priority order per line: the first that matches decides the kind. */
    private static final List<String[]> MARKERS = List.of(
            m("cert-changed", "remote host identification has changed", "cert_changed", "host key for", "known_hosts",
                    "certificate has changed", "new certificate"),
            m("cert-name-mismatch", "certificate name mismatch", "does not match the name given in the certificate",
                    "does not match the names given in the certificate", "hostname mismatch"),
            m("account-locked", "status_account_locked_out", "status_account_disabled", "status_password_expired",
                    "status_account_expired", "status_password_must_change", "status_account_restriction"),
            m("logon-failed", "sec_e_logon_denied", "status_logon_failure", "logon_failure", "authentication failure",
                    "status_wrong_password"),
            m("dns-failed", "getaddrinfo", "name or service not known", "temporary failure in name resolution",
                    "unable to resolve", "could not resolve", "dns_name_not_found"),
            m("refused", "connection refused", "econnrefused"),
            m("no-route", "no route to host", "network is unreachable", "host is unreachable"),
            m("timeout", "connection timed out", "timed out", "etimedout"),
            m("reset", "connection reset by peer", "system error 104", "econnreset", "broken pipe", "system error 32"),
            // FreeRDP's tcp.c logs "failed to connect to <host>" when its TCP connect fails without a more specific
            // errno line (FreeRDP 2.x freerdp_tcp_connect).
            m("connect-failed", "failed to connect to"),
            m("tls-failed", "ssl_connect", "ssl_do_handshake", "tls_connect", "transport_connect_tls",
                    "ssl routines", "ssl_error", "tls handshake", "alert handshake failure", "unsupported protocol"));

    private static String[] m(String kind, String... markers) {
        String[] a = new String[markers.length + 1];
        a[0] = kind;
        System.arraycopy(markers, 0, a, 1, markers.length);
        return a;
    }

    List<UserEvidence> parse(List<String> lines) {
        Map<String, ClientLogError> found = new LinkedHashMap<>();
        for (String line : lines) {
            String lower = Text.lower(line);
            String kind = clientLine(lower) ? kind(lower) : banner(lower);
            if (kind != null) {
                found.putIfAbsent(kind, new ClientLogError(kind, Text.excerpt(line)));
            }
        }
        if (found.containsKey("cert-changed") || found.containsKey("cert-name-mismatch")) {
            // The client aborts TLS when the certificate is refused; that TLS failure is the certificate's doing.
            found.remove("tls-failed");
        }
        return new ArrayList<>(found.values());
    }

    /** FreeRDP 2 prints its certificate warnings as bare banner lines, without a log prefix. */
    private static String banner(String lower) {
        if (lower.contains("remote host identification has changed") || lower.contains("the host key for")) {
            return "cert-changed";
        }
        if (lower.contains("certificate name mismatch") || lower.contains("does not match the name given in the certificate")
                || lower.contains("does not match the names given in the certificate")) {
            return "cert-name-mismatch";
        }
        return null;
    }

    private static boolean clientLine(String lower) {
        return lower.contains("[error]") || lower.contains("[warn]") || lower.contains("[fatal]")
                || lower.contains("freerdp") || lower.contains("remmina");
    }

    private static String kind(String lower) {
        for (String[] marker : MARKERS) {
            for (int i = 1; i < marker.length; i++) {
                if (lower.contains(marker[i])) {
                    return marker[0];
                }
            }
        }
        return null;
    }
}

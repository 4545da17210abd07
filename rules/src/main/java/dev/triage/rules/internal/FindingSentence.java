package dev.triage.rules.internal;

import dev.triage.rules.ProbeFinding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evidence sentence of a live probe result: what an admin would say after looking at it ("port 3389 timed out:
 * filtered or the host is down"), never the raw detail map. Protocol and failure-code names: MS-RDPBCGR 2.2.1.2.
 */
final class FindingSentence {
    private static final Map<String, String> SELECTED = Map.of(
            "RDP", "Standard RDP Security (no TLS)",
            "SSL", "TLS without NLA",
            "HYBRID", "NLA (CredSSP)",
            "HYBRID_EX", "NLA (CredSSP with early user authorization)",
            "RDSTLS", "RDSTLS",
            "RDSAAD", "Entra ID sign-in (RDSAAD)");
    private static final Map<String, String> SHORT = Map.of(
            "RDP", "RDP", "SSL", "TLS", "HYBRID", "NLA", "HYBRID_EX", "NLA with early authorization",
            "RDSTLS", "RDSTLS", "RDSAAD", "Entra ID sign-in");
    private static final Map<String, String> REFUSAL = Map.of(
            "SSL_REQUIRED_BY_SERVER", "it requires TLS",
            "SSL_NOT_ALLOWED_BY_SERVER", "it only allows Standard RDP Security",
            "SSL_CERT_NOT_ON_SERVER", "it has no usable certificate",
            "INCONSISTENT_FLAGS", "it found the request inconsistent",
            "HYBRID_REQUIRED_BY_SERVER", "it requires NLA",
            "SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER", "it requires TLS with user authentication");

    private FindingSentence() {}

    static String of(ProbeFinding f) {
        return switch (f.probe()) {
            case "dns" -> dns(f);
            case "tcp" -> tcp(f);
            case "rdp" -> rdp(f);
            case "tls" -> tls(f);
            case "certificate" -> certificate(f);
            case "ntlm" -> ntlm(f);
            default -> fallback(f);
        };
    }

    private static String dns(ProbeFinding f) {
        return switch (f.outcome()) {
            case "RESOLVED" -> "true".equals(f.detail("literal")) ? "the target is an IP address (no name lookup)"
                    : "the name resolves to " + or(f.detail("addresses"), "an address");
            case "NXDOMAIN" -> shared(f) ? "the name does not exist in DNS (NXDOMAIN)"
                    : "Triage's own resolver does not know the name (NXDOMAIN); that is Triage's view of DNS, not"
                            + " necessarily the user's: a name only the corporate DNS knows looks the same";
            case "FAILED" -> shared(f) ? "the DNS lookup failed" + suffix(f.detail("error"))
                    : "Triage's own resolver could not resolve the name" + suffix(f.detail("error"))
                            + "; that is Triage's view of DNS, not necessarily the user's";
            default -> fallback(f);
        };
    }

    /** Whether the probe's resolver is the one the users use ({@code probes.shared-dns}); see probes.drl. */
    private static boolean shared(ProbeFinding f) {
        return "shared".equals(f.detail("vantage"));
    }

    private static String tcp(ProbeFinding f) {
        // nmap's "3389/tcp" notation, familiar to admins
        String port = "port " + or(f.detail("port"), "3389") + "/tcp";
        String at = f.detail("address").isEmpty() ? "" : " on " + f.detail("address");
        return switch (f.outcome()) {
            case "CONNECTED" -> port + at + " accepts connections"
                    + (f.detail("connectMillis").isEmpty() ? "" : " (" + f.detail("connectMillis") + " ms)");
            case "REFUSED" -> port + at + " refused the connection: nothing listens there, or a firewall rejects it";
            case "TIMEOUT" -> port + at + " timed out: filtered, or the host is down";
            case "RESET" -> port + at + " was reset while connecting";
            case "UNREACHABLE" -> or(f.detail("address"), "the host") + " is unreachable: no route to it";
            default -> fallback(f);
        };
    }

    private static String rdp(ProbeFinding f) {
        return switch (f.outcome()) {
            case "OK" -> rdpSelected(f);
            case "FAILURE" -> "the server refused " + or(f.detail("requestedProtocols"), "the requested security")
                    + " with " + f.detail("failureCode") + refusalMeaning(f.detail("failureCode"));
            case "NO_RESPONSE" -> "closed".equals(f.detail("reason"))
                    ? "the server closed the connection without answering the RDP request"
                    : "the server did not answer the RDP request in time";
            case "RESET" -> "the server reset the connection instead of answering the RDP request";
            case "GARBAGE" -> "the port answers, but not with RDP" + suffix(f.detail("error"));
            default -> fallback(f);
        };
    }

    private static String rdpSelected(ProbeFinding f) {
        if ("true".equals(f.detail("legacyConfirm"))) {
            return "the server answered without negotiating: Standard RDP Security only, as old servers do";
        }
        String selected = f.detail("selectedProtocol");
        StringBuilder s = new StringBuilder("the server selected ").append(SELECTED.getOrDefault(selected, selected));
        List<String> accepted = protocols(f.detail("acceptedProtocols"));
        if (!accepted.isEmpty()) {
            s.append(" and accepts ").append(and(accepted));
        }
        if ("true".equals(f.detail("nlaRequired"))) {
            s.append("; NLA is required");
        }
        return s.toString();
    }

    private static String tls(ProbeFinding f) {
        return switch (f.outcome()) {
            case "OK" -> "TLS works (" + or(f.detail("protocol"), "a TLS version")
                    + (f.detail("cipherSuite").isEmpty() ? "" : ", " + f.detail("cipherSuite")) + ")"
                    + (f.detail("versions").isEmpty() ? "" : "; the server accepts " + and(list(f.detail("versions"))));
            case "NO_COMMON_VERSION" -> "the server shares no TLS version with the probe"
                    + (f.detail("versions").isEmpty() ? "" : " (it accepts only " + and(list(f.detail("versions"))) + ")");
            case "HANDSHAKE_FAILED" -> "the TLS handshake failed" + suffix(f.detail("error"));
            default -> fallback(f);
        };
    }

    private static String certificate(ProbeFinding f) {
        String until = day(f.detail("notAfter"));
        return switch (f.outcome()) {
            case "EXPIRED" -> "the certificate expired on " + until;
            case "NOT_YET_VALID" -> "the certificate is not valid before " + day(f.detail("notBefore"));
            case "NAME_MISMATCH" -> "the certificate does not name the host that was used (it names "
                    + or(f.detail("sans"), f.detail("subject")) + ")";
            case "WEAK_KEY" -> "the certificate has a weak " + f.detail("keyType") + " " + f.detail("keySize")
                    + "-bit key";
            case "SELF_SIGNED" -> "the certificate is self-signed, valid until " + until;
            case "OK" -> "the certificate" + (f.detail("issuer").isEmpty() ? "" : " from " + f.detail("issuer"))
                    + " is valid until " + until;
            default -> fallback(f);
        };
    }

    private static String ntlm(ProbeFinding f) {
        if (!f.outcome().equals("OK")) {
            return f.outcome().equals("NOT_OFFERED") ? "the server does not offer NLA's NTLM exchange" : fallback(f);
        }
        StringBuilder s = new StringBuilder("the server names itself ");
        s.append(f.detail("netbiosDomainName").isEmpty() ? "" : f.detail("netbiosDomainName") + "\\")
                .append(or(f.detail("netbiosComputerName"), "(no name)"));
        if ("false".equals(f.detail("nameMatches"))) {
            s.append(", not the name that was used");
        }
        long skew = Math.abs(f.number("clockSkewSeconds", 0));
        if (skew > 300) {
            s.append("; its clock is ").append(skew / 60).append(" minutes off");
        }
        return s.toString();
    }

    private static String fallback(ProbeFinding f) {
        String base = f.probe() + " probe: " + f.outcome().toLowerCase(Locale.ROOT).replace('_', ' ');
        return f.details().isEmpty() ? base : base + " " + new TreeMap<>(f.details());
    }

    private static String refusalMeaning(String code) {
        String meaning = REFUSAL.get(code);
        return meaning == null ? "" : ": " + meaning;
    }

    private static List<String> protocols(String csv) {
        return list(csv).stream().map(p -> SHORT.getOrDefault(p, p)).toList();
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static String and(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        List<String> head = new ArrayList<>(items.subList(0, items.size() - 1));
        return String.join(", ", head) + " and " + items.get(items.size() - 1);
    }

    private static String day(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : or(instant, "an unknown date");
    }

    private static String or(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    private static String suffix(String error) {
        return error.isEmpty() ? "" : " (" + error + ")";
    }
}

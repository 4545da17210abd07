package dev.triage.probes.internal.tls;

import dev.triage.probes.internal.policy.HostNames;
import dev.triage.probes.internal.policy.IpLiterals;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Whether a certificate names the host the user typed (RFC 6125): IP literals against IP SANs, names against DNS
 * SANs with a wildcard only as the whole leftmost label; the CN counts only when there are no DNS SANs.
 */
public final class NameMatcher {
    private NameMatcher() {
    }

    public static boolean matches(CertificateFacts facts, String host) {
        Optional<InetAddress> literal = IpLiterals.parse(host);
        if (literal.isPresent()) {
            String wanted = IpLiterals.text(IpLiterals.normalise(literal.get()));
            return facts.ipAddresses().contains(wanted);
        }
        String name = HostNames.canonical(host);
        if (facts.dnsNames().isEmpty()) {
            return matchesPattern(HostNames.canonical(facts.commonName()), name);
        }
        return facts.dnsNames().stream().anyMatch(pattern -> matchesPattern(HostNames.canonical(pattern), name));
    }

    static boolean matchesPattern(String pattern, String name) {
        if (pattern.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot + 1).equals(pattern.substring(2)) && pattern.indexOf('.', 2) > 0;
        }
        return pattern.equals(name);
    }
}

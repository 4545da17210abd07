package dev.triage.probes.internal.policy;

import dev.triage.probes.PolicyDecision;
import dev.triage.probes.Target;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** Decides one target against the parsed allow entries. Stateless and thread-safe. */
public final class PolicyEvaluator {
    private final List<AllowEntry> entries;

    public PolicyEvaluator(List<AllowEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The first resolved address that is allowed wins; if none is, the first address's reason is reported. Special
     * addresses (loopback, link-local, ...) need an entry inside their block, whatever names or wider blocks match.
     */
    public PolicyDecision decide(Target target, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return new PolicyDecision.Denied(target, Optional.empty(), target.host() + " has no address to check");
        }
        PolicyDecision first = null;
        for (InetAddress address : addresses) {
            PolicyDecision decision = decideOne(target, address);
            if (decision instanceof PolicyDecision.Allowed) {
                return decision;
            }
            if (first == null) {
                first = decision;
            }
        }
        return first;
    }

    /**
     * The decision that can be made from the name alone, before any DNS query: a name no entry could allow is denied
     * without resolving it, so a denied name never leaks to a DNS server (a name such as
     * {@code c2VjcmV0.exfil.attacker.example} carries data to whoever runs that zone). Empty when the name has to be
     * resolved first, and always empty for an IP literal.
     */
    public Optional<PolicyDecision> decideBeforeResolving(Target target) {
        if (IpLiterals.parse(target.host()).isPresent()) {
            return Optional.empty();
        }
        String name = target.host();
        if (entries.isEmpty()) {
            return Optional.of(unresolved(target, "no allow entries are configured, so " + name
                    + " may not be probed and was not looked up in DNS;"
                    + " add one such as 10.0.0.0/8 or .corp.example.com"));
        }
        List<AllowEntry> candidates = entries.stream()
                .filter(e -> e instanceof AllowEntry.Network || e instanceof AllowEntry.Suffix s && s.matches(name))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.of(unresolved(target, name + " is under none of the allowed domain suffixes ("
                    + texts(entries) + ") and no address block is allowed, so it was not looked up in DNS"));
        }
        if (candidates.stream().noneMatch(e -> e.allowsPort(target.port()))) {
            return Optional.of(unresolved(target, portReason(target.port(), name, candidates)
                    + "; the name was not looked up in DNS"));
        }
        return Optional.empty();
    }

    private PolicyDecision decideOne(Target target, InetAddress address) {
        Optional<SpecialRange> special = SpecialRange.classify(address);
        if (special.isPresent()) {
            return decideSpecial(target, address, special.get());
        }
        List<AllowEntry> covering = entries.stream()
                .filter(e -> e instanceof AllowEntry.Network n && n.cidr().contains(address)
                        || e instanceof AllowEntry.Suffix s && s.matches(target.host()))
                .toList();
        Optional<AllowEntry> match = covering.stream().filter(e -> e.allowsPort(target.port())).findFirst();
        if (match.isPresent()) {
            return allowed(target, address, match.get());
        }
        String where = describe(target, address);
        if (!covering.isEmpty()) {
            return denied(target, address, portReason(target.port(), where, covering));
        }
        if (entries.isEmpty()) {
            return denied(target, address, "no allow entries are configured, so " + where
                    + " may not be probed; add one such as 10.0.0.0/8 or .corp.example.com");
        }
        return denied(target, address, where + " is not covered by any allow entry");
    }

    private PolicyDecision decideSpecial(Target target, InetAddress address, SpecialRange range) {
        List<AllowEntry> explicit = entries.stream()
                .filter(e -> e instanceof AllowEntry.Network n && SpecialRange.explicitlyAllows(n, address))
                .toList();
        if (explicit.isEmpty()) {
            boolean isName = IpLiterals.parse(target.host()).isEmpty();
            return denied(target, address, range.denialReason(address, isName ? target.host() : null));
        }
        Optional<AllowEntry> match = explicit.stream().filter(e -> e.allowsPort(target.port())).findFirst();
        if (match.isEmpty()) {
            return denied(target, address, portReason(target.port(), describe(target, address), explicit));
        }
        return allowed(target, address, match.get());
    }

    /**
     * "port 22 is not allowed for 10.1.1.1: entry '10.0.0.0/8' names no ports, so it allows only the RDP port 3389",
     * one clause per entry that covers the target.
     */
    private static String portReason(int port, String where, List<AllowEntry> covering) {
        List<String> clauses = covering.stream().map(e -> e.ports().implicit()
                ? "entry '" + e.text() + "' names no ports, so it allows only the RDP port " + PortSet.RDP
                : "entry '" + e.text() + "' allows only port" + (e.ports().toString().matches("\\d+") ? " " : "s ")
                        + e.ports()).toList();
        return "port " + port + " is not allowed for " + where + ": " + String.join("; ", clauses);
    }

    private static String texts(List<AllowEntry> entries) {
        return String.join(", ", entries.stream().map(AllowEntry::text).toList());
    }

    private static PolicyDecision unresolved(Target target, String reason) {
        return new PolicyDecision.Denied(target, Optional.empty(), reason);
    }

    private static String describe(Target target, InetAddress address) {
        String text = IpLiterals.text(address);
        return text.equals(target.host()) ? text : target.host() + " (" + text + ")";
    }

    private static PolicyDecision allowed(Target target, InetAddress address, AllowEntry entry) {
        return new PolicyDecision.Allowed(target, address, entry.text(),
                describe(target, address) + " is allowed by entry '" + entry.text() + "'");
    }

    private static PolicyDecision denied(Target target, InetAddress address, String reason) {
        return new PolicyDecision.Denied(target, Optional.of(address), reason);
    }
}

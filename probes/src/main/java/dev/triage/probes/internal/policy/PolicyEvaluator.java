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

    private PolicyDecision decideOne(Target target, InetAddress address) {
        Optional<SpecialRange> special = SpecialRange.classify(address);
        if (special.isPresent()) {
            return decideSpecial(target, address, special.get());
        }
        Optional<AllowEntry> byAddress = entries.stream()
                .filter(e -> e instanceof AllowEntry.Network n && n.cidr().contains(address)).findFirst();
        Optional<AllowEntry> byName = entries.stream()
                .filter(e -> e instanceof AllowEntry.Suffix s && s.matches(target.host())).findFirst();
        Optional<AllowEntry> match = byAddress.filter(e -> e.allowsPort(target.port()))
                .or(() -> byName.filter(e -> e.allowsPort(target.port())));
        if (match.isPresent()) {
            return allowed(target, address, match.get());
        }
        Optional<AllowEntry> portless = byAddress.or(() -> byName);
        String where = describe(target, address);
        if (portless.isPresent()) {
            return denied(target, address, "port " + target.port() + " is not allowed for " + where
                    + " (entry '" + portless.get().text() + "' allows ports " + portless.get().ports() + ")");
        }
        if (entries.isEmpty()) {
            return denied(target, address, "no allow entries are configured, so " + where
                    + " may not be probed; add one such as 10.0.0.0/8 or .corp.example.com");
        }
        return denied(target, address, where + " is not covered by any allow entry");
    }

    private PolicyDecision decideSpecial(Target target, InetAddress address, SpecialRange range) {
        Optional<AllowEntry> explicit = entries.stream()
                .filter(e -> e instanceof AllowEntry.Network n && n.cidr().contains(address)
                        && range.explicitlyAllowedBy(n.cidr()))
                .findFirst();
        if (explicit.isEmpty()) {
            boolean isName = IpLiterals.parse(target.host()).isEmpty();
            return denied(target, address, range.denialReason(address, isName ? target.host() : null));
        }
        if (!explicit.get().allowsPort(target.port())) {
            return denied(target, address, "port " + target.port() + " is not allowed for " + describe(target, address)
                    + " (entry '" + explicit.get().text() + "' allows ports " + explicit.get().ports() + ")");
        }
        return allowed(target, address, explicit.get());
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

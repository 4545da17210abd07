package dev.triage.rules.internal.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A name lookup on the user's PC ({@code nslookup}, or the name resolution {@code ping} and {@code Test-NetConnection}
 * do first).
 *
 * @param name      the name looked up
 * @param addresses the addresses it resolved to; empty when it did not resolve
 * @param nxdomain  true when the resolver said the name does not exist
 */
public record UserDnsLookup(String name, List<String> addresses, boolean nxdomain) implements UserEvidence {
    public UserDnsLookup {
        Objects.requireNonNull(name, "name");
        addresses = List.copyOf(addresses);
        if (nxdomain && !addresses.isEmpty()) {
            throw new IllegalArgumentException("a non-existent name has no addresses: " + name);
        }
    }

    public boolean resolved() {
        return !addresses.isEmpty();
    }

    /** True when the lookup resolved and shares no address with {@code commaList} (a dns probe's addresses). */
    public boolean disagreesWith(String commaList) {
        if (!resolved() || commaList == null || commaList.isBlank()) {
            return false;
        }
        Set<String> ours = Set.of(commaList.toLowerCase(Locale.ROOT).replace(" ", "").split(","));
        return addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).noneMatch(ours::contains);
    }

    /** True unless the test was clearly about another host than {@code target} (see the vantage rules). */
    public boolean concerns(String target) {
        return Hosts.same(name, target);
    }

    @Override
    public String describe() {
        if (nxdomain) {
            return "the user's PC found no such name " + Text.target(name);
        }
        return resolved() ? "the user's PC resolves " + Text.target(name) + " to " + String.join(", ", addresses)
                : "the user's PC could not resolve " + Text.target(name);
    }
}

package dev.triage.probes.internal.policy;

import java.util.Set;

/** One parsed allow entry. An empty port set means every port. */
public sealed interface AllowEntry {

    String text();

    Set<Integer> ports();

    default boolean allowsPort(int port) {
        return ports().isEmpty() || ports().contains(port);
    }

    record Network(String text, Cidr cidr, Set<Integer> ports) implements AllowEntry {
        public Network {
            ports = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(ports));
        }
    }

    /** {@code corp.example.com} matches the name and its subdomains; {@code .corp.example.com} only subdomains. */
    record Suffix(String text, String suffix, boolean subdomainsOnly, Set<Integer> ports) implements AllowEntry {
        public Suffix {
            ports = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(ports));
        }

        public boolean matches(String host) {
            String name = HostNames.canonical(host);
            return name.endsWith("." + suffix) || (!subdomainsOnly && name.equals(suffix));
        }
    }
}

package dev.triage.probes.internal.policy;

/** One parsed allow entry and the ports it admits. */
public sealed interface AllowEntry {

    String text();

    PortSet ports();

    default boolean allowsPort(int port) {
        return ports().contains(port);
    }

    record Network(String text, Cidr cidr, PortSet ports) implements AllowEntry {
        /** Whether the entry names exactly one address (a /32 or /128), the only way to allow a special address. */
        public boolean isSingleAddress() {
            return cidr.prefixLength() == cidr.network().getAddress().length * 8;
        }
    }

    /** {@code corp.example.com} matches the name and its subdomains; {@code .corp.example.com} only subdomains. */
    record Suffix(String text, String suffix, boolean subdomainsOnly, PortSet ports) implements AllowEntry {
        public boolean matches(String host) {
            String name = HostNames.canonical(host);
            return name.endsWith("." + suffix) || (!subdomainsOnly && name.equals(suffix));
        }
    }
}

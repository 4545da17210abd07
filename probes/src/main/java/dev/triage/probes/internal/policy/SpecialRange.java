package dev.triage.probes.internal.policy;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Addresses that are never probed unless an allow entry names the very address ({@code /32} or {@code /128}):
 * probing is SSRF by design, and these reach the bot's own host, a cloud platform's metadata or control service, or
 * a whole segment. A wide entry ({@code 0.0.0.0/0}, {@code 127.0.0.0/8}) or a suffix entry never allows them.
 * Blocks from RFC 6890 (special-purpose registries), RFC 4291 (IPv6 addressing) and the cloud providers' documented
 * control addresses. Declared most specific first: {@link #classify} returns the first block that contains the
 * address.
 */
public enum SpecialRange {
    CLOUD_METADATA_V4("169.254.169.254/32", "a link-local address (the cloud metadata service)"),
    AWS_METADATA_V6("fd00:ec2::/64", "the AWS instance metadata service (IPv6)"),
    AZURE_WIRESERVER("168.63.129.16/32",
            "the Azure WireServer (the Azure platform endpoint for DNS, DHCP, health probes and the VM agent)"),
    ALIBABA_METADATA("100.100.100.200/32", "the Alibaba Cloud metadata service"),
    UNSPECIFIED_V4("0.0.0.0/8", "an unspecified (\"this network\") address"),
    LOOPBACK_V4("127.0.0.0/8", "a loopback address"),
    LINK_LOCAL_V4("169.254.0.0/16", "a link-local address"),
    MULTICAST_V4("224.0.0.0/4", "a multicast address"),
    BROADCAST_V4("255.255.255.255/32", "the broadcast address"),
    LOOPBACK_V6("::1/128", "the loopback address"),
    UNSPECIFIED_V6("::/128", "the unspecified address"),
    LINK_LOCAL_V6("fe80::/10", "a link-local address"),
    MULTICAST_V6("ff00::/8", "a multicast address");

    private final Cidr block;
    private final String description;

    SpecialRange(String block, String description) {
        this.block = Cidr.parse(block).orElseThrow();
        this.description = description;
    }

    /** The special block {@code address} lies in, IPv4-mapped and IPv4-compatible forms included. */
    public static Optional<SpecialRange> classify(InetAddress address) {
        InetAddress normal = IpLiterals.normalise(address);
        for (SpecialRange range : values()) {
            if (range.block.contains(normal)) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code entry} allows {@code address} of this block: only an entry naming exactly that address does, so
     * allowing {@code 127.0.0.1/32} for a test does not open the rest of loopback.
     */
    public static boolean explicitlyAllows(AllowEntry.Network entry, InetAddress address) {
        return entry.isSingleAddress() && entry.cidr().contains(address);
    }

    /**
     * "127.0.0.1 is a loopback address; probing it needs an explicit allow entry such as 127.0.0.1/32", or for a
     * name "host resolves to 127.0.0.1, a loopback address; ...".
     */
    public String denialReason(InetAddress address, String typedName) {
        String text = IpLiterals.text(IpLiterals.normalise(address));
        String example = text + (text.contains(":") ? "/128" : "/32");
        String subject = typedName == null ? text + " is " : typedName + " resolves to " + text + ", ";
        return subject + description + "; probing it needs an explicit allow entry such as " + example;
    }
}

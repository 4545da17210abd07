package dev.triage.probes.internal.policy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Address blocks that are never probed unless an allow entry inside the block names them: probing is SSRF by
 * design, and these reach the bot's own host, its cloud metadata service or a whole segment.
 * Blocks from RFC 6890 (special-purpose registries) and RFC 4291 (IPv6 addressing).
 */
public enum SpecialRange {
    UNSPECIFIED_V4("0.0.0.0/8", "an unspecified (\"this network\") address", "0.0.0.0/32"),
    LOOPBACK_V4("127.0.0.0/8", "a loopback address", null),
    LINK_LOCAL_V4("169.254.0.0/16", "a link-local address", null),
    MULTICAST_V4("224.0.0.0/4", "a multicast address", null),
    BROADCAST_V4("255.255.255.255/32", "the broadcast address", "255.255.255.255/32"),
    UNSPECIFIED_V6("::/128", "the unspecified address", "::/128"),
    LOOPBACK_V6("::1/128", "the loopback address", "::1/128"),
    LINK_LOCAL_V6("fe80::/10", "a link-local address", null),
    MULTICAST_V6("ff00::/8", "a multicast address", null);

    private static final String METADATA = "169.254.169.254";

    private final Cidr block;
    private final String description;
    private final String exampleEntry;

    SpecialRange(String block, String description, String exampleEntry) {
        this.block = Cidr.parse(block).orElseThrow();
        this.description = description;
        this.exampleEntry = exampleEntry;
    }

    public static Optional<SpecialRange> classify(InetAddress address) {
        InetAddress normal = IpLiterals.normalise(address);
        // Most specific first: ::/128 must not swallow ::1.
        for (SpecialRange range : List.of(values())) {
            if (range.block.contains(normal) && (range != UNSPECIFIED_V6 || !LOOPBACK_V6.block.contains(normal))) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }

    /** Whether an allow entry names addresses of this block explicitly (the entry lies wholly inside the block). */
    public boolean explicitlyAllowedBy(Cidr entry) {
        return block.encloses(entry);
    }

    /**
     * "127.0.0.1 is a loopback address; probing it needs an explicit allow entry such as 127.0.0.1/32", or for a
     * name "host resolves to 127.0.0.1, a loopback address; ...".
     */
    public String denialReason(InetAddress address, String typedName) {
        String text = IpLiterals.text(IpLiterals.normalise(address));
        String what = text.equals(METADATA) ? "a link-local address (the cloud metadata service)" : description;
        String example = exampleEntry != null ? exampleEntry : text + (text.contains(":") ? "/128" : "/32");
        String subject = typedName == null ? text + " is " : typedName + " resolves to " + text + ", ";
        return subject + what + "; probing it needs an explicit allow entry such as " + example;
    }
}

package dev.triage.probes;

import dev.triage.probes.internal.policy.Cidr;
import dev.triage.probes.internal.policy.IpLiterals;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An IP address block ({@code 10.0.0.0/8}, {@code ::1/128}, or a single address), for callers that need to ask
 * whether an address lies in a configured block (the bot's trusted proxies). Immutable.
 */
public final class AddressBlock {
    private final Cidr cidr;

    private AddressBlock(Cidr cidr) {
        this.cidr = cidr;
    }

    /** The block, or empty when the text is neither an address nor a CIDR block. */
    public static Optional<AddressBlock> parse(String text) {
        Objects.requireNonNull(text, "text");
        return Cidr.parse(text.strip()).map(AddressBlock::new);
    }

    /** Whether the address (IPv4-mapped IPv6 counts as IPv4) lies in the block. */
    public boolean contains(InetAddress address) {
        return cidr.contains(IpLiterals.normalise(address));
    }

    /** Whether the text is an IP address in the block; false for anything that is not an IP literal. */
    public boolean contains(String address) {
        return IpLiterals.parse(address.strip()).map(this::contains).orElse(false);
    }

    @Override
    public String toString() {
        return cidr.toString();
    }
}

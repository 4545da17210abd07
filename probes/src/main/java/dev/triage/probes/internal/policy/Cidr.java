package dev.triage.probes.internal.policy;

import java.net.InetAddress;
import java.util.Optional;

/** An address block. Only same-family addresses can be contained; IPv4-mapped input is normalised first. */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range 0-" + bits);
        }
        network = IpLiterals.byAddress(mask(network.getAddress(), prefixLength));
    }

    /** Parses {@code a.b.c.d/n}, {@code ipv6/n}, or a bare address (a single-address block). */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        Optional<InetAddress> address = IpLiterals.parse(addressText);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        InetAddress raw = address.get();
        int bits = raw.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = text.substring(slash + 1);
            if (prefixText.isEmpty() || prefixText.length() > 3 || !prefixText.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(prefixText);
            // ::ffff:a.b.c.d/120 was normalised to IPv4 by IpLiterals; carry the prefix over.
            if (bits == 32 && addressText.contains(":")) {
                prefix -= 96;
            }
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(raw, prefix));
    }

    public boolean contains(InetAddress candidate) {
        byte[] address = IpLiterals.normalise(candidate).getAddress();
        if (address.length != network.getAddress().length) {
            return false;
        }
        return java.util.Arrays.equals(mask(address, prefixLength), network.getAddress());
    }

    /** True when every address of {@code other} lies inside this block. */
    public boolean encloses(Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.network);
    }

    private static byte[] mask(byte[] address, int prefixLength) {
        byte[] out = address.clone();
        for (int bit = prefixLength; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    @Override
    public String toString() {
        return IpLiterals.text(network) + "/" + prefixLength;
    }
}

package dev.triage.probes;

import dev.triage.probes.internal.dns.SystemResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Name resolution seam. Implementations must be safe for concurrent use. The prober calls {@link #resolve} once per
 * run and connects only to an address it returned (no second lookup, so DNS rebinding cannot swap the target).
 */
public interface Resolver {

    /** The operating system's resolver ({@code InetAddress}), with PTR lookups for {@link #reverse}. */
    Resolver SYSTEM = new SystemResolver();

    /**
     * All addresses of {@code host}, in the resolver's order; never empty.
     *
     * @throws UnknownHostException when the name does not exist or cannot be resolved; a message containing
     *                              "temporary" marks a resolver failure rather than a missing name
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The PTR name of {@code address}, or empty when there is none. */
    default Optional<String> reverse(InetAddress address) {
        return Optional.empty();
    }
}

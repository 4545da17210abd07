package dev.triage.probes.internal.dns;

import dev.triage.probes.Resolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** The JDK resolver. Stateless; the JDK's own positive/negative caches apply. */
public final class SystemResolver implements Resolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }

    @Override
    public Optional<String> reverse(InetAddress address) {
        try {
            // A fresh address object: getCanonicalHostName on one built from a name would return that name.
            String name = InetAddress.getByAddress(address.getAddress()).getCanonicalHostName();
            return name.equals(address.getHostAddress()) ? Optional.empty() : Optional.of(name);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}

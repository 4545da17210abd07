package dev.triage.rules.internal.evidence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client dials an IP address, not a name: every host the texts name as the client's target is an address literal.
 * A connection to an address looks no name up, so it cannot fail on one.
 *
 * @param host the address as written, with its port when one was given
 */
public record DialledAddress(String host) implements UserEvidence {
    public DialledAddress {
        Objects.requireNonNull(host, "host");
    }

    /**
     * Present when {@code dialled} (the hosts the texts name as the client's target) is not empty and holds addresses
     * only: a text that dials a name as well ("/v:app01 fails, /v:10.0.0.5 works") compares the two, which is the
     * name-resolution story itself.
     */
    public static Optional<DialledAddress> of(List<String> dialled) {
        if (dialled.isEmpty() || !dialled.stream().allMatch(h -> Text.isAddress(Hosts.bare(h)))) {
            return Optional.empty();
        }
        return Optional.of(new DialledAddress(dialled.get(0)));
    }

    @Override
    public String describe() {
        return "the client dials the address " + Text.target(host) + ", so no name is looked up for it";
    }
}

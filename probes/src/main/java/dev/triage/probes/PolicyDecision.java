package dev.triage.probes;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link TargetPolicy} decided for one target, with everything an audit row needs: the target as typed, the
 * resolved address that was checked, the decision and a reason a user can read.
 */
public sealed interface PolicyDecision {

    Target target();

    /** The address the decision is about; for {@link Allowed} it is the only address the probes connect to. */
    Optional<InetAddress> checkedAddress();

    String reason();

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /** Allowed; {@code address} is the vetted address, {@code rule} the allow entry that matched. */
    record Allowed(Target target, InetAddress address, String rule, String reason) implements PolicyDecision {
        public Allowed {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<InetAddress> checkedAddress() {
            return Optional.of(address);
        }
    }

    /** Denied; {@code address} is empty when the name did not resolve at all. */
    record Denied(Target target, Optional<InetAddress> address, String reason) implements PolicyDecision {
        public Denied {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<InetAddress> checkedAddress() {
            return address;
        }
    }
}

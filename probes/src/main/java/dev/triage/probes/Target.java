package dev.triage.probes;

import java.util.Objects;

/**
 * A host and port as the user typed them. The host is kept as typed (a name or an IP literal, IPv6 without brackets)
 * because the certificate and NTLM name checks compare against it.
 */
public record Target(String host, int port) {

    public static final int DEFAULT_PORT = 3389;

    public Target {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1-65535: " + port);
        }
    }

    /** The host on the default RDP port 3389. */
    public static Target of(String host) {
        return new Target(host, DEFAULT_PORT);
    }

    /**
     * Parses {@code host}, {@code host:port}, an IPv4 literal, a bare IPv6 literal, or {@code [ipv6]:port}. Never throws
     * for bad input; the {@link Parsed.Invalid} value says what is wrong.
     */
    public static Parsed parse(String text) {
        return dev.triage.probes.internal.policy.TargetParser.parse(text);
    }

    /** {@code host:port}, with brackets around an IPv6 host. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The result of {@link #parse(String)}. */
    public sealed interface Parsed {
        record Valid(Target target) implements Parsed {
            public Valid {
                Objects.requireNonNull(target, "target");
            }
        }

        record Invalid(String input, String reason) implements Parsed {
            public Invalid {
                Objects.requireNonNull(input, "input");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}

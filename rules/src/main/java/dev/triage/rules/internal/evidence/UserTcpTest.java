package dev.triage.rules.internal.evidence;

import java.util.Objects;

/**
 * A TCP connect test run on the user's PC ({@code Test-NetConnection -Port}, telnet, netcat).
 *
 * @param host      the name or address tested, as the tool printed it; empty when the output did not say
 * @param port      the TCP port
 * @param succeeded whether the connection opened
 */
public record UserTcpTest(String host, int port, boolean succeeded) implements UserEvidence {
    public UserTcpTest {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** True unless the test was clearly about another host than {@code target} (see the vantage rules). */
    public boolean concerns(String target) {
        return Hosts.same(host, target);
    }

    @Override
    public String describe() {
        return "the user's TCP test to " + Text.target(host) + ":" + port + (succeeded ? " succeeded" : " failed");
    }
}

package dev.triage.probes.internal.runner;

import dev.triage.probes.Resolver;
import dev.triage.probes.TargetPolicy;
import dev.triage.probes.internal.tls.CertificateAssessor;
import dev.triage.probes.internal.tls.TlsClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/** The prober's fixed configuration and shared, thread-safe machinery. */
public record RunSettings(
        TargetPolicy policy,
        Resolver resolver,
        boolean sharedDns,
        Duration stepTimeout,
        Duration overallTimeout,
        Clock clock,
        boolean scanProtocols,
        boolean scanTlsVersions,
        int connectionsInFlight,
        ExecutorService executor,
        TlsClient tlsClient,
        CertificateAssessor certificateAssessor,
        RandomGenerator random) {

    public RunSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(overallTimeout, "overallTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(executor, "executor");
        if (connectionsInFlight < 1) {
            throw new IllegalArgumentException("connectionsInFlight must be at least 1: " + connectionsInFlight);
        }
        Objects.requireNonNull(tlsClient, "tlsClient");
        Objects.requireNonNull(certificateAssessor, "certificateAssessor");
        Objects.requireNonNull(random, "random");
    }

    /** The same settings and machinery with another policy, for one run. */
    public RunSettings withPolicy(TargetPolicy other) {
        return new RunSettings(other, resolver, sharedDns, stepTimeout, overallTimeout, clock, scanProtocols,
                scanTlsVersions, connectionsInFlight, executor, tlsClient, certificateAssessor, random);
    }
}

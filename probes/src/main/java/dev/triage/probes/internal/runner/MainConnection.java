package dev.triage.probes.internal.runner;

import dev.triage.probes.internal.rdp.Negotiation;
import dev.triage.probes.internal.tls.TlsClient;
import java.util.Optional;

/** What the main connection's stages produced, for the assemblers. */
final class MainConnection {
    private MainConnection() {
    }

    /** The X.224 stage: empty exchange when TCP did not connect (or the run ended first). */
    record Negotiated(int requested, Optional<Negotiation.Exchange> exchange) {
    }

    /** The TLS stage: empty when no handshake was attempted, with the reason. */
    record Secured(Optional<TlsClient.Handshake> handshake, String notAttemptedReason) {
        static Secured notAttempted(String reason) {
            return new Secured(Optional.empty(), reason);
        }
    }
}

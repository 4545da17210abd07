package dev.triage.probes.internal.tls;

import java.util.Objects;

/**
 * Whether a certificate signed itself. Three answers, because a certificate whose key cannot be read proves nothing:
 * reading it as self-signed would pass a damaged certificate off as the RDP default.
 */
public sealed interface SelfSignature {

    /** Subject equals issuer and the certificate's own key verifies its signature. */
    record SelfSigned() implements SelfSignature {
    }

    /** Another key signed it: the issuer's name differs, or the certificate's own key does not verify it. */
    record IssuedByAnother() implements SelfSignature {
    }

    /** Subject equals issuer, but the key or the signature cannot be read, so the signature cannot be checked. */
    record Unreadable(String reason) implements SelfSignature {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

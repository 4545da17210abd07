package dev.triage.probes.internal.tls;

import java.time.Instant;
import java.util.List;

/** What the leaf certificate says, parsed from DER. No BouncyCastle types leave this package. */
public record CertificateFacts(
        String subject,
        String commonName,
        List<String> dnsNames,
        List<String> ipAddresses,
        String issuer,
        Instant notBefore,
        Instant notAfter,
        String keyType,
        int keySize,
        String signatureAlgorithm,
        SelfSignature selfSignature,
        String sha256) {

    public CertificateFacts {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    public boolean selfSigned() {
        return selfSignature instanceof SelfSignature.SelfSigned;
    }
}

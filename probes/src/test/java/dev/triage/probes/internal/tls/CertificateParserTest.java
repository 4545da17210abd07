package dev.triage.probes.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.probes.CertificateResult;
import dev.triage.probes.Outcome;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateParserTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final X500Name HOST = new X500Name("CN=localhost");

    private final CertificateParser parser = new CertificateParser();
    private final KeyPair own = rsa();
    private final KeyPair other = rsa();

    @Test
    void aCertificateSignedByItsOwnKeyIsSelfSigned() {
        byte[] der = certificate(HOST, HOST, key(own), own.getPrivate());
        assertThat(parser.parse(der).orElseThrow().selfSignature()).isInstanceOf(SelfSignature.SelfSigned.class);
    }

    @Test
    void theSameNameSignedByAnotherKeyIsNotSelfSigned() {
        byte[] der = certificate(HOST, HOST, key(own), other.getPrivate());
        assertThat(parser.parse(der).orElseThrow().selfSignature())
                .isInstanceOf(SelfSignature.IssuedByAnother.class);
    }

    @Test
    void anotherIssuerIsNotSelfSigned() {
        byte[] der = certificate(HOST, new X500Name("CN=Corp CA"), key(own), other.getPrivate());
        assertThat(parser.parse(der).orElseThrow().selfSignature())
                .isInstanceOf(SelfSignature.IssuedByAnother.class);
    }

    @Test
    void aCorruptedKeyWithSubjectEqualToIssuerIsUnreadableNotSelfSigned() {
        byte[] der = certificate(HOST, HOST, corruptedRsaKey(), own.getPrivate());
        CertificateFacts facts = parser.parse(der).orElseThrow();
        assertThat(facts.selfSignature()).isInstanceOf(SelfSignature.Unreadable.class);
        assertThat(facts.selfSigned()).isFalse();
    }

    @Test
    void aCorruptedKeyFailsTheCertificateStepInsteadOfPassingAsSelfSigned() {
        byte[] der = certificate(HOST, HOST, corruptedRsaKey(), own.getPrivate());
        CertificateResult result = new CertificateAssessor().assess(List.of(der), "localhost", NOW, Duration.ZERO,
                "test");
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.summary()).startsWith("CN=localhost is damaged: its public key or signature cannot be read");
        assertThat(result.details()).containsEntry("selfSigned", "unknown").containsEntry("problems", "FAILED");
    }

    @Test
    void aSoundSelfSignedCertificateStillReadsAsTheRdpDefault() {
        byte[] der = certificate(HOST, HOST, key(own), own.getPrivate());
        CertificateResult result = new CertificateAssessor().assess(List.of(der), "localhost", NOW, Duration.ZERO,
                "test");
        assertThat(result.outcome()).isEqualTo(Outcome.SELF_SIGNED);
        assertThat(result.details()).containsEntry("selfSigned", "true");
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SubjectPublicKeyInfo key(KeyPair pair) {
        return SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
    }

    /** An RSA key whose bit string is not an RSAPublicKey structure, as a damaged key file would give. */
    private static SubjectPublicKeyInfo corruptedRsaKey() {
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new byte[] {0x13, 0x37, 0x00, 0x42});
    }

    private static byte[] certificate(X500Name subject, X500Name issuer, SubjectPublicKeyInfo key, PrivateKey signer) {
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, BigInteger.valueOf(7),
                    Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(90))), subject, key);
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

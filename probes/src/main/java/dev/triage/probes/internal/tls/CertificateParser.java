package dev.triage.probes.internal.tls;

import dev.triage.probes.internal.policy.IpLiterals;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** Parses a DER certificate with BouncyCastle into {@link CertificateFacts}. Never throws for bad input. */
public final class CertificateParser {
    private final DefaultAlgorithmNameFinder algorithmNames = new DefaultAlgorithmNameFinder();

    /** Empty when the bytes are not a certificate. */
    public Optional<CertificateFacts> parse(byte[] der) {
        try {
            return Optional.of(facts(new X509CertificateHolder(der), der));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private CertificateFacts facts(X509CertificateHolder cert, byte[] der) {
        List<String> dnsNames = new ArrayList<>();
        List<String> ipAddresses = new ArrayList<>();
        GeneralNames sans = cert.hasExtensions()
                ? GeneralNames.fromExtensions(cert.getExtensions(), Extension.subjectAlternativeName) : null;
        if (sans != null) {
            for (GeneralName name : sans.getNames()) {
                addName(name, dnsNames, ipAddresses);
            }
        }
        SubjectPublicKeyInfo key = cert.getSubjectPublicKeyInfo();
        return new CertificateFacts(
                cert.getSubject().toString(),
                commonName(cert.getSubject()),
                dnsNames,
                ipAddresses,
                cert.getIssuer().toString(),
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                keyType(key),
                keySize(key),
                algorithmNames.getAlgorithmName(cert.getSignatureAlgorithm()),
                selfSignature(cert),
                sha256(der));
    }

    private static void addName(GeneralName name, List<String> dnsNames, List<String> ipAddresses) {
        if (name.getTagNo() == GeneralName.dNSName && name.getName() instanceof ASN1String text) {
            dnsNames.add(text.getString());
        } else if (name.getTagNo() == GeneralName.iPAddress) {
            byte[] raw = ASN1OctetString.getInstance(name.getName()).getOctets();
            try {
                ipAddresses.add(IpLiterals.text(InetAddress.getByAddress(raw)));
            } catch (UnknownHostException e) {
                ipAddresses.add("invalid:" + HexFormat.of().formatHex(raw));
            }
        }
    }

    private static String commonName(X500Name subject) {
        RDN[] rdns = subject.getRDNs(BCStyle.CN);
        return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static String keyType(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier oid = key.getAlgorithm().getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption) || oid.equals(X509ObjectIdentifiers.id_ea_rsa)) {
            return "RSA";
        }
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC";
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "Ed448";
        }
        if (oid.equals(X9ObjectIdentifiers.id_dsa)) {
            return "DSA";
        }
        return oid.getId();
    }

    private static int keySize(SubjectPublicKeyInfo key) {
        try {
            ASN1ObjectIdentifier oid = key.getAlgorithm().getAlgorithm();
            if (oid.equals(PKCSObjectIdentifiers.rsaEncryption) || oid.equals(X509ObjectIdentifiers.id_ea_rsa)) {
                BigInteger modulus = RSAPublicKey.getInstance(key.parsePublicKey()).getModulus();
                return modulus.bitLength();
            }
            if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                X9ECParameters curve = ECNamedCurveTable.getByOID(
                        ASN1ObjectIdentifier.getInstance(key.getAlgorithm().getParameters()));
                return curve == null ? 0 : curve.getCurve().getFieldSize();
            }
            if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
                return 256;
            }
            if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
                return 448;
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** Checks the signature with the certificate's own key when subject and issuer are the same name. */
    private static SelfSignature selfSignature(X509CertificateHolder cert) {
        if (!cert.getSubject().equals(cert.getIssuer())) {
            return new SelfSignature.IssuedByAnother();
        }
        try {
            boolean verified = cert.isSignatureValid(
                    new JcaContentVerifierProviderBuilder().build(cert.getSubjectPublicKeyInfo()));
            return verified ? new SelfSignature.SelfSigned() : new SelfSignature.IssuedByAnother();
        } catch (OperatorCreationException | CertException | RuntimeException e) {
            return new SelfSignature.Unreadable(unreadableReason(e));
        }
    }

    private static String unreadableReason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "its public key or signature cannot be read (" + message + ")";
    }

    private static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JDK", e);
        }
    }
}

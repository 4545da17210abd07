package dev.triage.probes.internal.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Builds a ClientHello that offers exactly one TLS version, independent of the JDK's disabled-protocol settings.
 * TLS 1.0-1.2 are offered through {@code client_version}; TLS 1.3 only through {@code supported_versions}
 * (RFC 8446 4.2.1) with an x25519 key share. The key share is random bytes: the probe stops at the ServerHello, so
 * no key is ever derived.
 */
public final class ClientHelloBuilder {
    // ECDHE/DHE/RSA with AES-GCM, AES-CBC and 3DES: wide enough that any server accepting the version finds a suite.
    private static final int[] LEGACY_SUITES = {
        0xC02F, 0xC030, 0xC02B, 0xC02C, 0xC013, 0xC014, 0xC009, 0xC00A, 0xC027, 0xC028, 0xC023, 0xC024,
        0x009E, 0x009F, 0x0033, 0x0039, 0x009C, 0x009D, 0x002F, 0x0035, 0x003C, 0x003D, 0x000A, 0x00FF,
    };
    private static final int[] TLS13_SUITES = {0x1301, 0x1302, 0x1303};
    private static final int[] GROUPS = {0x001D, 0x0017, 0x0018, 0x0019};
    private static final int[] SIGNATURE_ALGORITHMS = {
        0x0804, 0x0805, 0x0806, 0x0403, 0x0503, 0x0603, 0x0401, 0x0501, 0x0601, 0x0201, 0x0203,
    };

    private ClientHelloBuilder() {
    }

    /** One TLS record carrying the ClientHello; {@code serverName} is sent as SNI when present. */
    public static byte[] build(TlsVersion version, Optional<String> serverName, RandomGenerator random) {
        boolean tls13 = version == TlsVersion.TLS_1_3;
        Bytes hello = new Bytes();
        hello.u16(tls13 ? TlsVersion.TLS_1_2.wire() : version.wire());
        hello.raw(randomBytes(random, 32));
        hello.u8(32).raw(randomBytes(random, 32)); // session id: middlebox compatibility (RFC 8446 D.4)
        int[] suites = tls13 ? TLS13_SUITES : LEGACY_SUITES;
        hello.u16(suites.length * 2);
        for (int suite : suites) {
            hello.u16(suite);
        }
        hello.u8(1).u8(0); // compression: null only
        byte[] extensions = extensions(version, serverName, random);
        hello.u16(extensions.length).raw(extensions);

        Bytes handshake = new Bytes().u8(1).u24(hello.size()).raw(hello.toArray());
        return new Bytes().u8(22).u16(TlsVersion.TLS_1_0.wire()).u16(handshake.size()).raw(handshake.toArray()).toArray();
    }

    private static byte[] extensions(TlsVersion version, Optional<String> serverName, RandomGenerator random) {
        Bytes ext = new Bytes();
        serverName.ifPresent(name -> {
            byte[] host = name.getBytes(StandardCharsets.US_ASCII);
            ext.u16(0x0000).u16(host.length + 5).u16(host.length + 3).u8(0).u16(host.length).raw(host);
        });
        ext.u16(0x000A).u16(GROUPS.length * 2 + 2).u16(GROUPS.length * 2);
        for (int group : GROUPS) {
            ext.u16(group);
        }
        ext.u16(0x000B).u16(2).u8(1).u8(0); // ec_point_formats: uncompressed
        ext.u16(0x000D).u16(SIGNATURE_ALGORITHMS.length * 2 + 2).u16(SIGNATURE_ALGORITHMS.length * 2);
        for (int algorithm : SIGNATURE_ALGORITHMS) {
            ext.u16(algorithm);
        }
        ext.u16(0xFF01).u16(1).u8(0); // renegotiation_info, empty
        if (version == TlsVersion.TLS_1_3) {
            ext.u16(0x002B).u16(3).u8(2).u16(TlsVersion.TLS_1_3.wire());
            ext.u16(0x0033).u16(38).u16(36).u16(0x001D).u16(32).raw(randomBytes(random, 32));
        }
        return ext.toArray();
    }

    private static byte[] randomBytes(RandomGenerator random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    /** A tiny big-endian writer. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            out.write(v >> 8);
            out.write(v);
            return this;
        }

        Bytes u24(int v) {
            out.write(v >> 16);
            return u16(v);
        }

        Bytes raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}

package dev.triage.probes.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ServerFlightParserTest {

    /** A TLS 1.2 ServerHello + Certificate(two fake DER blobs) + ServerHelloDone, split over two records. */
    private static byte[] tls12Flight() {
        byte[] hello = handshake(2, concat(u16(0x0303), new byte[32], new byte[] {0}, u16(0xC02F), new byte[] {0}));
        byte[] certs = concat(u24(3), new byte[] {1, 2, 3}, u24(2), new byte[] {4, 5});
        byte[] certificate = handshake(11, concat(u24(certs.length), certs));
        byte[] done = handshake(14, new byte[0]);
        byte[] all = concat(hello, certificate, done);
        int split = hello.length + 5;
        return concat(record(22, Arrays.copyOf(all, split)), record(22, Arrays.copyOfRange(all, split, all.length)));
    }

    private static byte[] tls13Hello() {
        byte[] extensions = concat(u16(0x002B), u16(2), u16(0x0304));
        return record(22, handshake(2, concat(u16(0x0303), new byte[32], new byte[] {0}, u16(0x1301),
                new byte[] {0}, u16(extensions.length), extensions)));
    }

    @Test
    void tls12HelloCarriesVersionSuiteAndTheClearTextChain() {
        ServerFlight flight = ServerFlightParser.parse(tls12Flight());

        assertThat(flight).isInstanceOf(ServerFlight.Hello.class);
        ServerFlight.Hello hello = (ServerFlight.Hello) flight;
        assertThat(hello.version()).isEqualTo(0x0303);
        assertThat(hello.cipherSuite()).isEqualTo(0xC02F);
        assertThat(hello.chain()).hasSize(2);
        assertThat(hello.chain().get(1)).containsExactly(4, 5);
    }

    @Test
    void tls13IsReadFromSupportedVersions() {
        assertThat(ServerFlightParser.parse(tls13Hello())).isEqualTo(new ServerFlight.Hello(0x0304, 0x1301, List.of()));
    }

    @Test
    void alertIsNamed() {
        ServerFlight flight = ServerFlightParser.parse(HexFormat.of().parseHex("15030300020246"));

        assertThat(flight).isEqualTo(new ServerFlight.Alert(2, 70));
        assertThat(((ServerFlight.Alert) flight).descriptionName()).isEqualTo("protocol_version");
    }

    @Test
    void xrdpPlainTextDisconnectIsNotTls() {
        assertThat(ServerFlightParser.parse(HexFormat.of().parseHex("0300000902f0802180")))
                .isInstanceOf(ServerFlight.NotTls.class);
    }

    @Test
    void everyTruncationOfAValidFlightNeedsMoreOrDecides() {
        byte[] flight = tls12Flight();
        for (int length = 0; length < flight.length; length++) {
            ServerFlight parsed = ServerFlightParser.parse(Arrays.copyOf(flight, length));
            assertThat(parsed).as("truncated to %d", length)
                    .isInstanceOfAny(ServerFlight.NeedMore.class, ServerFlight.Hello.class);
        }
    }

    @Test
    @Timeout(30)
    void randomAndMutatedInputNeverThrows() {
        Random random = new Random(4242);
        byte[][] seeds = {tls12Flight(), tls13Hello()};
        for (int i = 0; i < 100_000; i++) {
            byte[] input;
            if (i % 3 == 0) {
                input = new byte[random.nextInt(120)];
                random.nextBytes(input);
            } else {
                byte[] seed = seeds[i % 2];
                input = Arrays.copyOf(seed, random.nextInt(seed.length + 10));
                for (int flips = random.nextInt(5); flips >= 0 && input.length > 0; flips--) {
                    input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                }
            }
            assertThat(ServerFlightParser.parse(input)).isNotNull();
        }
    }

    @Test
    void clientHelloOffersOnlyTheRequestedVersion() {
        byte[] tls11 = ClientHelloBuilder.build(TlsVersion.TLS_1_1, Optional.of("rdp.example.com"), new Random(1));
        byte[] tls13 = ClientHelloBuilder.build(TlsVersion.TLS_1_3, Optional.empty(), new Random(1));

        assertThat(tls11[0]).isEqualTo((byte) 22);
        assertThat(((tls11[3] & 0xFF) << 8) | (tls11[4] & 0xFF)).isEqualTo(tls11.length - 5);
        assertThat(Arrays.copyOfRange(tls11, 9, 11)).containsExactly(3, 2);
        assertThat(HexFormat.of().formatHex(tls11)).contains(HexFormat.of().formatHex("rdp.example.com".getBytes()))
                .doesNotContain("002b0003020304");
        assertThat(Arrays.copyOfRange(tls13, 9, 11)).containsExactly(3, 3);
        assertThat(HexFormat.of().formatHex(tls13)).contains("002b0003020304");
    }

    private static byte[] record(int type, byte[] body) {
        return concat(new byte[] {(byte) type, 3, 3}, u16(body.length), body);
    }

    private static byte[] handshake(int type, byte[] body) {
        return concat(new byte[] {(byte) type}, u24(body.length), body);
    }

    private static byte[] u16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    private static byte[] u24(int v) {
        return new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

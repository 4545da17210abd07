package dev.triage.probes.internal.rdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConfirmParserTest {
    private static final HexFormat HEX = HexFormat.of();
    /** xrdp selecting SSL (rdp-fixture.md §3). */
    private static final byte[] SSL_SELECTED = HEX.parseHex("030000130ed000001234000201080001000000");

    @Test
    void selectedProtocolFlagsAndSourceReferenceAreRead() {
        assertThat(ConfirmParser.parse(SSL_SELECTED)).isEqualTo(new NegotiationReply.Selected(1, 0x01, 0x1234));
    }

    @Test
    void freerdpHybridAnswerIsRead() {
        assertThat(ConfirmParser.parse(HEX.parseHex("030000130ed000000000000203080002000000")))
                .isEqualTo(new NegotiationReply.Selected(2, 0x03, 0));
    }

    @Test
    void failureCodeIsNamed() {
        NegotiationReply reply = ConfirmParser.parse(HEX.parseHex("030000130ed000001234000300080005000000"));

        assertThat(reply).isEqualTo(new NegotiationReply.Refused(5, 0x1234));
        assertThat(((NegotiationReply.Refused) reply).codeName()).isEqualTo("HYBRID_REQUIRED_BY_SERVER");
    }

    @Test
    void unknownFailureCodeKeepsItsNumber() {
        assertThat(FailureCode.nameOf(77)).isEqualTo("UNKNOWN_77");
    }

    @Test
    void confirmWithoutNegotiationDataIsLegacy() {
        assertThat(ConfirmParser.parse(HEX.parseHex("0300000b06d00000123400")))
                .isEqualTo(new NegotiationReply.LegacyConfirm(0x1234));
    }

    @Test
    void httpAnswerIsGarbageWithItsFirstBytes() {
        NegotiationReply reply = ConfirmParser.parse("HTTP/1.1 400 Bad".getBytes());

        assertThat(reply).isInstanceOf(NegotiationReply.Garbage.class);
        assertThat(((NegotiationReply.Garbage) reply).firstBytes()).isEqualTo(
                "48 54 54 50 2f 31 2e 31 20 34 30 30 20 42 61 64");
    }

    @Test
    void dataTpduInsteadOfConfirmIsGarbage() {
        NegotiationReply reply = ConfirmParser.parse(HEX.parseHex("0300000902f0802180"));

        assertThat(reply).isInstanceOf(NegotiationReply.Garbage.class);
        assertThat(((NegotiationReply.Garbage) reply).why()).contains("not a Connection Confirm");
    }

    @Test
    void everyTruncationIsGarbageNeverAnException() {
        for (int length = 0; length < SSL_SELECTED.length; length++) {
            assertThat(ConfirmParser.parse(Arrays.copyOf(SSL_SELECTED, length)))
                    .as("truncated to %d bytes", length).isInstanceOf(NegotiationReply.Garbage.class);
        }
    }

    @Test
    @Timeout(20)
    void randomAndMutatedInputNeverThrows() {
        Random random = new Random(20261120);
        for (int i = 0; i < 100_000; i++) {
            byte[] input = i % 2 == 0 ? randomBytes(random) : mutate(SSL_SELECTED, random);
            assertThat(ConfirmParser.parse(input)).isNotNull();
        }
    }

    @Test
    void readerCapsAbsurdLengthsAndStopsAtEndOfStream() throws IOException {
        byte[] huge = HEX.parseHex("0300ffff0ed0");
        assertThat(TpktReader.read(new ByteArrayInputStream(huge))).hasSize(4);
        assertThat(TpktReader.read(new ByteArrayInputStream(Arrays.copyOf(SSL_SELECTED, 12)))).hasSize(12);
        assertThat(TpktReader.read(new ByteArrayInputStream(SSL_SELECTED))).isEqualTo(SSL_SELECTED);
    }

    @Test
    void requestMatchesTheSpecLayout() {
        assertThat(HEX.formatHex(ConnectionRequest.withProtocols(3))).isEqualTo(
                "0300002c27e0000000000043" + HEX.formatHex("ookie: mstshash=triage\r\n".getBytes())
                        + "0100080003000000");
    }

    static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(48)];
        random.nextBytes(bytes);
        if (bytes.length > 4 && random.nextBoolean()) {
            bytes[0] = 3;
            bytes[1] = 0;
            bytes[2] = 0;
            bytes[3] = (byte) bytes.length;
        }
        return bytes;
    }

    static byte[] mutate(byte[] valid, Random random) {
        byte[] copy = Arrays.copyOf(valid, random.nextInt(valid.length + 8));
        for (int flips = random.nextInt(4); flips >= 0; flips--) {
            if (copy.length > 0) {
                copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
            }
        }
        return copy;
    }
}

package dev.triage.probes.internal.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ChallengeParserTest {
    private static final Instant SERVER_TIME = Instant.parse("2026-11-20T12:00:00Z");

    /** A CHALLENGE_MESSAGE as MS-NLMP 2.2.1.2 lays it out, with names, a timestamp and version 10.0.17763. */
    static byte[] challenge() {
        byte[] target = utf16("CORP");
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        av(info, 2, utf16("CORP"));
        av(info, 1, utf16("RDP01"));
        av(info, 4, utf16("corp.example.com"));
        av(info, 3, utf16("rdp01.corp.example.com"));
        long ticks = SERVER_TIME.getEpochSecond() * 10_000_000L + 116_444_736_000_000_000L;
        av(info, 7, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(ticks).array());
        av(info, 0, new byte[0]);
        byte[] infoBytes = info.toByteArray();
        ByteBuffer message = ByteBuffer.allocate(56 + target.length + infoBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        message.put("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII)).putInt(2);
        message.putShort((short) target.length).putShort((short) target.length).putInt(56);
        message.putInt(0x02000000 | 0x00800000 | 0x1);
        message.put(new byte[16]);
        message.putShort((short) infoBytes.length).putShort((short) infoBytes.length).putInt(56 + target.length);
        message.put((byte) 10).put((byte) 0).putShort((short) 17763).put(new byte[] {0, 0, 0, 0x0F});
        message.put(target).put(infoBytes);
        return message.array();
    }

    @Test
    void namesVersionAndTimeAreRead() {
        HostInfo info = ChallengeParser.parse(challenge()).orElseThrow();

        assertThat(info.targetName()).isEqualTo("CORP");
        assertThat(info.netbiosComputerName()).isEqualTo("RDP01");
        assertThat(info.netbiosDomainName()).isEqualTo("CORP");
        assertThat(info.dnsComputerName()).isEqualTo("rdp01.corp.example.com");
        assertThat(info.dnsDomainName()).isEqualTo("corp.example.com");
        assertThat(info.productVersion()).contains("10.0.17763");
        assertThat(info.serverTime()).contains(SERVER_TIME);
    }

    @Test
    void typedNameIsComparedWithTheComputerNames() {
        HostInfo info = ChallengeParser.parse(challenge()).orElseThrow();

        assertThat(NtlmAssessor.nameMatches(info, "RDP01.corp.example.com")).isEqualTo("true");
        assertThat(NtlmAssessor.nameMatches(info, "rdp01")).isEqualTo("true");
        assertThat(NtlmAssessor.nameMatches(info, "rdp02.corp.example.com")).isEqualTo("false");
        assertThat(NtlmAssessor.nameMatches(info, "10.0.0.5")).isEqualTo("unknown");
    }

    @Test
    void skewIsRoundedToTheNearestSecond() {
        assertThat(NtlmAssessor.skewSeconds(SERVER_TIME.plusMillis(300), SERVER_TIME)).isZero();
        assertThat(NtlmAssessor.skewSeconds(SERVER_TIME, SERVER_TIME.plusSeconds(125))).isEqualTo(125);
    }

    @Test
    void offsetsPointingOutsideTheMessageAreRejected() {
        byte[] message = challenge();
        ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(44, 0x7FFFFFF0);

        assertThat(ChallengeParser.parse(message)).isEmpty();
    }

    @Test
    void wrongSignatureOrTypeIsRejected() {
        byte[] message = challenge();
        message[8] = 3;
        assertThat(ChallengeParser.parse(message)).isEmpty();
        assertThat(ChallengeParser.parse("NTLMSSP".getBytes())).isEmpty();
    }

    @Test
    @Timeout(30)
    void truncatedRandomAndMutatedInputNeverThrows() {
        byte[] valid = challenge();
        for (int length = 0; length <= valid.length; length++) {
            assertThat(ChallengeParser.parse(Arrays.copyOf(valid, length))).isNotNull();
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            byte[] input = Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            for (int flips = random.nextInt(6); flips >= 0 && input.length > 0; flips--) {
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            Optional<HostInfo> parsed = ChallengeParser.parse(input);
            assertThat(parsed).isNotNull();
        }
    }

    @Test
    void tsRequestWrapsTheNegotiateLikeMsCssp() {
        String hex = HexFormat.of().formatHex(TsRequest.negotiate(NtlmMessages.negotiate()));

        assertThat(hex).startsWith("3037a003020106a130302e302ca02a0428" + "4e544c4d5353500001000000b78208e2");
    }

    @Test
    void tsRequestReplyYieldsTheTokenOrTheErrorCode() {
        byte[] token = challenge();
        byte[] reply = Der.encode(0x30, Der.encode(0xA0, Der.encode(0x02, new byte[] {6})),
                Der.encode(0xA1, Der.encode(0x30, Der.encode(0x30, Der.encode(0xA0, Der.encode(0x04, token))))));
        byte[] error = Der.encode(0x30, Der.encode(0xA0, Der.encode(0x02, new byte[] {6})),
                Der.encode(0xA4, Der.encode(0x02, new byte[] {(byte) 0xC0, 0, 0, 0x22})));

        assertThat(TsRequest.decode(reply)).isInstanceOf(TsRequest.Reply.Token.class);
        assertThat(((TsRequest.Reply.Token) TsRequest.decode(reply)).token()).isEqualTo(token);
        assertThat(TsRequest.decode(error)).isEqualTo(new TsRequest.Reply.Error(6, 0xC0000022L));
    }

    @Test
    @Timeout(30)
    void tsRequestDecodingNeverThrows() {
        byte[] valid = Der.encode(0x30, Der.encode(0xA0, Der.encode(0x02, new byte[] {6})),
                Der.encode(0xA1, Der.encode(0x30, Der.encode(0x30, Der.encode(0xA0, Der.encode(0x04, challenge()))))));
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            byte[] input = Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            for (int flips = random.nextInt(4); flips >= 0 && input.length > 0; flips--) {
                input[random.nextInt(Math.min(input.length, 24))] = (byte) random.nextInt(256);
            }
            assertThat(TsRequest.decode(input)).isNotNull();
        }
    }

    private static void av(ByteArrayOutputStream out, int id, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) id)
                .putShort((short) value.length).array());
        out.writeBytes(value);
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }
}

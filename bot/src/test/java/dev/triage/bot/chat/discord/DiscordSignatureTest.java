package dev.triage.bot.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ed25519 over timestamp + raw body, with the application's public key; anything else is refused with a reason. */
class DiscordSignatureTest {
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final String BODY = "{\"type\":2,\"id\":\"1\"}";

    final DiscordHarness.Keys keys = keys();
    final DiscordSignature signature = new DiscordSignature(keys.publicHex(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignatureOfTimestampAndBodyByTheApplicationsKeyIsValid() {
        String ts = Long.toString(NOW.getEpochSecond());

        assertThat(verify(ts, keys.sign(ts, BODY), BODY)).isInstanceOf(DiscordSignature.Verdict.Valid.class);
    }

    @Test
    void anotherBodyAnotherTimestampAnotherKeyOrGarbageIsRefused() {
        String ts = Long.toString(NOW.getEpochSecond());
        String good = keys.sign(ts, BODY);

        assertThat(reason(ts, good, BODY.replace('2', '3'))).isEqualTo("the signature does not match");
        assertThat(reason(Long.toString(NOW.getEpochSecond() + 1), good, BODY))
                .isEqualTo("the signature does not match");
        assertThat(reason(ts, keys().sign(ts, BODY), BODY)).isEqualTo("the signature does not match");
        assertThat(reason(ts, "not-hex", BODY)).isEqualTo("the signature is not hex");
        assertThat(reason(ts, good.substring(2), BODY)).isEqualTo("the signature is not 64 bytes");
        assertThat(reason("soon", good, BODY)).isEqualTo("the timestamp is not a number");
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffEitherWayIsRefusedEvenWhenSigned() {
        String old = Long.toString(NOW.getEpochSecond() - 301);
        String future = Long.toString(NOW.getEpochSecond() + 301);
        String edge = Long.toString(NOW.getEpochSecond() - 300);

        assertThat(reason(old, keys.sign(old, BODY), BODY)).isEqualTo("the timestamp is 301 s away from now");
        assertThat(reason(future, keys.sign(future, BODY), BODY)).isEqualTo("the timestamp is 301 s away from now");
        assertThat(verify(edge, keys.sign(edge, BODY), BODY)).isInstanceOf(DiscordSignature.Verdict.Valid.class);
    }

    @Test
    void missingHeadersAreRefused() {
        DiscordSignature.Verdict verdict = signature.verify(Optional.empty(), Optional.of("00"), bytes(BODY));

        assertThat(verdict).isEqualTo(new DiscordSignature.Verdict.Refused("no signature or timestamp"));
    }

    @Test
    void aPublicKeyThatIsNotHexIsAConfigurationErrorNotAnAlwaysRefusingEndpoint() {
        assertThatThrownBy(() -> new DiscordSignature("xyz", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519 public key");
    }

    @Test
    void theSameSignatureWithLAddedToItsScalarIsRefused() {
        String ts = Long.toString(NOW.getEpochSecond());
        byte[] good = HexFormat.of().parseHex(keys.sign(ts, BODY));
        // S + L verifies the same equation; RFC 8032 section 5.1.7 requires S < L so a signature has one encoding.
        BigInteger l = BigInteger.TWO.pow(252)
                .add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] s = Arrays.copyOfRange(good, 32, 64);
        byte[] sPlusL = littleEndian(littleEndian(s).add(l));
        System.arraycopy(sPlusL, 0, good, 32, 32);

        assertThat(reason(ts, HexFormat.of().formatHex(good), BODY))
                .isEqualTo("the signature does not match");
    }

    @Test
    void aKeyOfTheWrongLengthOrOfSmallOrderIsAConfigurationError() {
        assertThatThrownBy(() -> new DiscordSignature("ab".repeat(31), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32-byte key");
        // The neutral point: every signature's equation would hold for some R.
        assertThatThrownBy(() -> new DiscordSignature("01" + "00".repeat(31), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519 public key");
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] big = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            big[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, big);
    }

    private static byte[] littleEndian(BigInteger value) {
        byte[] big = value.toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }

    private DiscordSignature.Verdict verify(String ts, String sig, String body) {
        return signature.verify(Optional.of(ts), Optional.of(sig), bytes(body));
    }

    private String reason(String ts, String sig, String body) {
        return ((DiscordSignature.Verdict.Refused) verify(ts, sig, body)).reason();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static DiscordHarness.Keys keys() {
        try {
            return DiscordHarness.Keys.generate();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slack's v0 signature, checked against the example in Slack's documentation and at the window's edges. */
class SlackSignatureTest {
    // Slack's documented example: https://api.slack.com/authentication/verifying-requests-from-slack
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    static SlackSignature at(long epochSecond) {
        return new SlackSignature(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    static SlackSignature.Verdict verify(SlackSignature s, String timestamp, String signature, String body) {
        return s.verify(Optional.ofNullable(timestamp), Optional.ofNullable(signature),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void slacksDocumentedExampleVerifies() {
        long ts = Long.parseLong(TIMESTAMP);
        assertThat(at(ts).sign(TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(SIGNATURE);
        assertThat(verify(at(ts + 10), TIMESTAMP, SIGNATURE, BODY)).isInstanceOf(SlackSignature.Verdict.Valid.class);
    }

    @Test
    void fiveMinutesEitherWayIsTheLimit() {
        long ts = Long.parseLong(TIMESTAMP);
        assertThat(verify(at(ts + 300), TIMESTAMP, SIGNATURE, BODY)).isInstanceOf(SlackSignature.Verdict.Valid.class);
        assertThat(verify(at(ts - 300), TIMESTAMP, SIGNATURE, BODY)).isInstanceOf(SlackSignature.Verdict.Valid.class);
        assertThat(verify(at(ts + 301), TIMESTAMP, SIGNATURE, BODY))
                .isInstanceOf(SlackSignature.Verdict.Refused.class);
        assertThat(verify(at(ts - 301), TIMESTAMP, SIGNATURE, BODY))
                .isInstanceOf(SlackSignature.Verdict.Refused.class);
    }

    @Test
    void missingMalformedOrWrongSignaturesAreRefused() {
        long ts = Long.parseLong(TIMESTAMP);
        SlackSignature s = at(ts);
        assertThat(verify(s, null, SIGNATURE, BODY)).isInstanceOf(SlackSignature.Verdict.Refused.class);
        assertThat(verify(s, TIMESTAMP, null, BODY)).isInstanceOf(SlackSignature.Verdict.Refused.class);
        assertThat(verify(s, "soon", SIGNATURE, BODY)).isInstanceOf(SlackSignature.Verdict.Refused.class);
        assertThat(verify(s, TIMESTAMP, SIGNATURE.toUpperCase(), BODY))
                .isInstanceOf(SlackSignature.Verdict.Refused.class);
        assertThat(verify(s, TIMESTAMP, SIGNATURE, BODY + " ")).isInstanceOf(SlackSignature.Verdict.Refused.class);
        assertThat(verify(s, "1531420619", SIGNATURE, BODY)).isInstanceOf(SlackSignature.Verdict.Refused.class);
    }
}

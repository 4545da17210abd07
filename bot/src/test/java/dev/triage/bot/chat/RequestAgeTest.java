package dev.triage.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.chat.SignedRequest.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestAgeTest {
    static final long NOW = 1_700_000_000L;
    final RequestAge age = new RequestAge(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC),
            Duration.ofMinutes(5));

    @Test
    void aTimestampAtTheEdgeOfTheWindowEitherWayPasses() {
        assertThat(check(NOW - 300)).isEqualTo(new Verdict.Valid());
        assertThat(check(NOW + 300)).isEqualTo(new Verdict.Valid());
        assertThat(age.check(Optional.of(" " + NOW + " "), Optional.of("sig"))).isEqualTo(new Verdict.Valid());
    }

    @Test
    void aTimestampOutsideTheWindowIsRefusedWithTheSkew() {
        assertThat(check(NOW - 301)).isEqualTo(new Verdict.Refused("the timestamp is 301 s away from now"));
        assertThat(check(NOW + 301)).isEqualTo(new Verdict.Refused("the timestamp is 301 s away from now"));
    }

    @Test
    void missingHeadersAreRefusedBeforeTheTimestampIsRead() {
        assertThat(age.check(Optional.empty(), Optional.of("sig")))
                .isEqualTo(new Verdict.Refused("no signature or timestamp"));
        assertThat(age.check(Optional.of("soon"), Optional.empty()))
                .isEqualTo(new Verdict.Refused("no signature or timestamp"));
        assertThat(age.check(Optional.of("soon"), Optional.of("sig")))
                .isEqualTo(new Verdict.Refused("the timestamp is not a number"));
    }

    private Verdict check(long epochSecond) {
        return age.check(Optional.of(Long.toString(epochSecond)), Optional.of("sig"));
    }
}

package dev.triage.bot.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.config.ConfigException;
import dev.triage.bot.config.TicketSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ServiceNow with OAuth client credentials, against the ServiceNow stand-in acting as its own token server. */
class TicketServiceNowOAuthTest {
    private static final String CREATED = "{\"result\":{\"sys_id\":\"9d385017c611228701d22104cc95c371\","
            + "\"number\":\"INC0010001\"}}";
    private static final String SECRET = "sn-client-secret-42";
    private static final TicketContent CONTENT = new TicketContent("c-1", "http://localhost:8080/cases/c-1",
            List.of("Error code: 0x904"), List.of("0x904"), List.of(), List.of(), Optional.empty(), "{}");

    @Test
    void aTokenIsFetchedOnceAndReusedUntilShortlyBeforeItExpires() throws Exception {
        try (StandIn sn = new StandIn(StandIn.Answer.json(201, CREATED)).withOAuth("triage-client", SECRET, 1800)) {
            SteppingClock clock = new SteppingClock();
            TicketTarget target = target(sn, clock);

            assertThat(target.send(CONTENT, Optional.empty())).isInstanceOf(TicketResult.Created.class);
            StandIn.Received token = sn.received().get(0);
            assertThat(token.method()).isEqualTo("POST");
            assertThat(token.pathAndQuery()).isEqualTo("/oauth_token.do");
            assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(token.body()).isEqualTo("grant_type=client_credentials&client_id=triage-client&client_secret="
                    + SECRET);
            assertThat(sn.received().get(1).header("Authorization")).isEqualTo("Bearer " + sn.tokensIssued().get(0));

            clock.advance(Duration.ofSeconds(1739));
            assertThat(target.send(CONTENT, Optional.empty())).isInstanceOf(TicketResult.Created.class);
            assertThat(sn.tokensIssued()).hasSize(1);

            // 30 minutes less a minute's margin: the next call starts with a new token.
            clock.advance(Duration.ofSeconds(1));
            assertThat(target.send(CONTENT, Optional.empty())).isInstanceOf(TicketResult.Created.class);
            assertThat(sn.tokensIssued()).hasSize(2);
            assertThat(sn.received()).extracting(StandIn.Received::pathAndQuery).filteredOn("/oauth_token.do"::equals)
                    .hasSize(2);
            assertThat(sn.received().get(sn.received().size() - 1).header("Authorization"))
                    .isEqualTo("Bearer " + sn.tokensIssued().get(1));
        }
    }

    @Test
    void aRefusedTokenIsReplacedOnceAndTheCallMadeAgain() throws Exception {
        try (StandIn sn = new StandIn(StandIn.Answer.json(201, CREATED)).withOAuth("triage-client", SECRET, 1800)) {
            TicketTarget target = target(sn, new SteppingClock());
            target.send(CONTENT, Optional.empty());
            sn.revokeTokens();

            TicketResult result = target.send(CONTENT, Optional.empty());

            assertThat(result).isInstanceOf(TicketResult.Created.class);
            assertThat(sn.received()).extracting(r -> r.method() + " " + r.pathAndQuery().replaceAll("\\?.*", ""))
                    .containsExactly("POST /oauth_token.do", "POST /api/now/table/incident",
                            "POST /api/now/table/incident", "POST /oauth_token.do", "POST /api/now/table/incident");
            assertThat(sn.tokensIssued()).hasSize(2);
        }
    }

    @Test
    void aServiceNowThatRefusesEveryTokenIsAskedTwiceThenTheSendFails() throws Exception {
        try (StandIn sn = new StandIn(StandIn.Answer.json(401, "{\"error\":{\"message\":\"User Not Authenticated\"}}"))
                .withOAuth("triage-client", SECRET, 1800)) {
            TicketResult result = target(sn, new SteppingClock()).send(CONTENT, Optional.empty());

            assertThat(result).isInstanceOf(TicketResult.Failed.class);
            assertThat(((TicketResult.Failed) result).reason())
                    .contains("401").contains("SERVICENOW_CLIENT_ID and SERVICENOW_CLIENT_SECRET");
            assertThat(sn.received()).extracting(StandIn.Received::pathAndQuery)
                    .filteredOn(p -> p.startsWith("/api/")).hasSize(2);
        }
    }

    @Test
    void wrongClientCredentialsFailWithTheSettingNamesAndNeverTheSecret() throws Exception {
        try (StandIn sn = new StandIn(StandIn.Answer.json(201, CREATED)).withOAuth("triage-client", "other", 1800)) {
            TicketResult result = target(sn, new SteppingClock()).send(CONTENT, Optional.empty());

            assertThat(result).isInstanceOf(TicketResult.Failed.class);
            String reason = ((TicketResult.Failed) result).reason();
            assertThat(reason).contains("401").contains("SERVICENOW_CLIENT_ID and SERVICENOW_CLIENT_SECRET")
                    .contains("token").doesNotContain(SECRET);
            assertThat(sn.received()).extracting(StandIn.Received::pathAndQuery).containsExactly("/oauth_token.do");
        }
    }

    @Test
    void theEnvironmentChoosesOAuthBySettingNamesAndRefusesBothKinds() {
        TicketSettings.ServiceNow oauth = TicketSettings.fromEnv(Map.of("SERVICENOW_URL", "https://x.service-now.com",
                "SERVICENOW_CLIENT_ID", "id-1", "SERVICENOW_CLIENT_SECRET", SECRET)).serviceNow().orElseThrow();
        assertThat(oauth.usesOAuth()).isTrue();
        assertThat(oauth.toString()).contains("id-1").doesNotContain(SECRET);
        assertThatThrownBy(() -> TicketSettings.fromEnv(Map.of("SERVICENOW_URL", "https://x.service-now.com",
                "SERVICENOW_USER", "u", "SERVICENOW_PASSWORD", "p", "SERVICENOW_CLIENT_ID", "id-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> TicketSettings.fromEnv(Map.of("SERVICENOW_URL", "https://x.service-now.com",
                "SERVICENOW_CLIENT_ID", "id-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SERVICENOW_CLIENT_SECRET");
    }

    private static TicketTarget target(StandIn sn, Clock clock) {
        TicketSettings settings = TicketSettings.none().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withServiceNow(TicketSettings.ServiceNow.oauth(sn.url(), "triage-client", SECRET));
        return TicketTargets.from(settings, new ObjectMapper(), clock).get(0);
    }

    /** A clock that moves only when told to. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

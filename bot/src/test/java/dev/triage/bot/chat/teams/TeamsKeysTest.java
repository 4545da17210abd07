package dev.triage.bot.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signing keys are cached, fetched again for a key id not seen yet, and not fetched for every made-up one. */
class TeamsKeysTest {
    static final String SERVICE_URL = "https://smba.trafficmanager.net/amer/";

    @Test
    void aRolledKeyIsFetchedOnItsFirstTokenAndKnownKeysComeFromTheCache() throws Exception {
        try (BotFrameworkStandIn login = new BotFrameworkStandIn()) {
            InboundAuth auth = auth(login, Duration.ZERO);
            assertThat(auth.verify(bearer(login.token(SERVICE_URL)))).isInstanceOf(InboundAuth.Verdict.Verified.class);
            assertThat(auth.verify(bearer(login.token(SERVICE_URL)))).isInstanceOf(InboundAuth.Verdict.Verified.class);
            assertThat(login.keyFetches()).isEqualTo(1);

            RSAKey rolled = BotFrameworkStandIn.unpublished("teams-key-2");
            login.publish(List.of(rolled));
            var verdict = auth.verify(bearer(login.token(rolled, c -> c.claim("serviceUrl", SERVICE_URL))));

            assertThat(verdict).isInstanceOf(InboundAuth.Verdict.Verified.class);
            assertThat(((InboundAuth.Verdict.Verified) verdict).key().endorsements()).contains("msteams");
            assertThat(login.keyFetches()).isEqualTo(2);
        }
    }

    @Test
    void tokensWithMadeUpKeyIdsFetchTheKeysAtMostOncePerInterval() throws Exception {
        try (BotFrameworkStandIn login = new BotFrameworkStandIn()) {
            InboundAuth auth = auth(login, Duration.ofMinutes(1));
            auth.verify(bearer(login.token(SERVICE_URL)));
            for (int i = 0; i < 20; i++) {
                RSAKey unknown = BotFrameworkStandIn.unpublished("made-up-" + i);
                assertThat(auth.verify(bearer(login.token(unknown, c -> c.claim("serviceUrl", SERVICE_URL)))))
                        .isInstanceOf(InboundAuth.Verdict.Refused.class);
            }
            assertThat(login.keyFetches()).isEqualTo(1);
        }
    }

    @Test
    void withoutReachableKeysATokenCannotBeJudgedAndSaysSo() {
        SigningKeys keys = new SigningKeys("http://127.0.0.1:9/v1/.well-known/openidconfiguration",
                HttpClient.newHttpClient(), new ObjectMapper(), Clock.systemUTC(), Duration.ZERO);
        InboundAuth auth = new InboundAuth(BotFrameworkStandIn.APP_ID, keys, Clock.systemUTC());
        String token = BotFrameworkStandIn.tokenSignedBy(BotFrameworkStandIn.unpublished("k"), SERVICE_URL);

        assertThat(auth.verify(bearer(token))).isInstanceOf(InboundAuth.Verdict.Unavailable.class);
        assertThat(auth.verify(Optional.empty())).isInstanceOf(InboundAuth.Verdict.Missing.class);
    }

    private static InboundAuth auth(BotFrameworkStandIn login, Duration minRefresh) {
        SigningKeys keys = new SigningKeys(login.metadataUrl(), HttpClient.newHttpClient(), new ObjectMapper(),
                Clock.systemUTC(), minRefresh);
        return new InboundAuth(BotFrameworkStandIn.APP_ID, keys, Clock.systemUTC());
    }

    private static Optional<String> bearer(String token) {
        return Optional.of("Bearer " + token);
    }
}

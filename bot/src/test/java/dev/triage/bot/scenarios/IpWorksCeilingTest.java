package dev.triage.bot.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "The IP works where the name fails" is also what a certificate issued to the name shows (by IP the name check
 * fails differently), so the answer may lift name resolution no further than its ceiling allows: +8, not +12
 * (answers.tsv, session 15, branch onesided). At +12 the answer put DNS over a pasted certificate-name warning.
 * Made-up text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpWorksCeilingTest {
    private static final String NAME_MISMATCH = "Connecting to rdp.example.com I get: The name of the remote computer"
            + " doesn't match the name on the certificate. Certificate name: srv01.corp.local";

    private BotApplication app;

    @BeforeAll
    void start() {
        app = BotApplication.create(BotConfig.defaults());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theIpWorkingKeepsAPastedCertificateNameWarningFirst() {
        List<String> ranked = app.engine()
                .reply(new CaseState(List.of(NAME_MISMATCH), Map.of("ip-works", "yes"), Optional.empty(), List.of()))
                .causes().stream().map(Reply.Cause::id).toList();
        assertThat(ranked.get(0)).isEqualTo("cert.name-mismatch");
        assertThat(ranked).contains("net.dns-wrong");
    }
}

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
 * "The IP works where the name fails" is also what a certificate issued to the name, Kerberos by name or a saved
 * credential bound to the name show, so the answer may lift name resolution no further than its ceiling allows:
 * T ln(1/P(yes | another cause)) = +8 for one in ten, not +12 (answers.tsv, session 15, branch onesided). A name
 * that resolves to a server refusing the sign-in while its IP signs in is Kerberos by name or a credential saved for
 * the name; at +12 the answer put DNS first over the refusal.
 * Made-up text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpWorksCeilingTest {
    /** A sign-in refused by name: the name resolved (the server answered), so working by IP points elsewhere. */
    private static final String REFUSED_BY_NAME = "The login attempt failed. Your credentials did not work when"
            + " connecting to fileserver, it worked yesterday.";
    private static final String DNS = "net.dns-wrong";

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
    void theIpWorkingDoesNotPutNameResolutionOverASignInRefusal() {
        List<String> ranked = causes(REFUSED_BY_NAME, Map.of("ip-works", "yes")).stream().map(Reply.Cause::id).toList();
        assertThat(ranked.get(0)).as("at +12 the answer put DNS first").isNotEqualTo(DNS);
        assertThat(ranked.subList(0, 3)).contains(DNS);
    }

    private List<Reply.Cause> causes(String paste, Map<String, String> answers) {
        return app.engine().reply(new CaseState(List.of(paste), answers, Optional.empty(), List.of())).causes();
    }
}

package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.bot.store.HeldDatabase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code triage ticket CASE}: sends a stored case from the command line. */
class TicketCommandTest {
    @TempDir
    Path dir;

    @Test
    void aStoredCaseIsSentToTheWebhookAndASecondRunComments() throws Exception {
        Path data = dir.resolve("data");
        String id = openCase(data);
        List<String> bodies = new ArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/", exchange -> {
            synchronized (bodies) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            Map<String, String> env = Map.of("TRIAGE_DATA", data.toString(), "TICKET_WEBHOOK_URL",
                    "http://127.0.0.1:" + hook.getAddress().getPort() + "/t", "TICKET_WEBHOOK_SECRET", "cli-secret");

            CliRun first = CliRun.withInput(new byte[0], env, "ticket", id);
            CliRun second = CliRun.withInput(new byte[0], env, "ticket", id, "--to", "webhook");

            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).isEqualTo("Created webhook " + id + ": http://localhost:8080/cases/" + id + "\n");
            assertThat(second.out()).startsWith("Commented on webhook " + id + ": ");
            assertThat(bodies).hasSize(2).allSatisfy(b -> assertThat(b).contains("\"case\":\"" + id + "\""));
            assertThat(first.out() + first.err()).doesNotContain("cli-secret");
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void anUnconfiguredTargetOrUnknownCaseIsBadInput() throws Exception {
        Path data = dir.resolve("data");
        String id = openCase(data);
        Map<String, String> env = Map.of("TRIAGE_DATA", data.toString());

        CliRun unconfigured = CliRun.withInput(new byte[0], env, "ticket", id, "--to", "jira");
        CliRun missing = CliRun.withInput(new byte[0], env, "ticket");

        assertThat(unconfigured.exit()).isEqualTo(2);
        assertThat(unconfigured.err()).isEqualTo("triage: The ticket system 'jira' is not configured."
                + " No ticket system is configured.\n");
        assertThat(missing.exit()).isEqualTo(2);
    }

    @Test
    void besideARunningServerItSaysToSendThroughTheServer() throws Exception {
        Path data = dir.resolve("held");
        try (HeldDatabase server = HeldDatabase.start(data)) {
            CliRun run = CliRun.withInput(new byte[0], Map.of("TRIAGE_DATA", data.toString()), "ticket", "abc234");

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).startsWith("triage: the server or another triage command (pid " + server.pid())
                    .contains("Send the case through the running server instead (POST /api/cases/CASE/tickets")
                    .doesNotContain("Exception");
        }
    }

    private static String openCase(Path data) {
        try (BotApplication app = BotApplication.create(BotConfig.defaults().withDataDir(data))) {
            TurnOutcome outcome = app.conversations(app.probeGateway()).open(Identity.cli(),
                    DiagnoseCommandTest.DIALOG);
            return ((TurnOutcome.Replied) outcome).reply().caseId().orElseThrow();
        }
    }
}

package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** probes.scopes from the environment: a bad line stops the start, and the command line keeps probing. */
class ProbeScopesCliTest {
    @TempDir
    Path dir;

    @Test
    void aBadLineStopsTheCommandNamingTheFileTheLineAndTheProblem() throws Exception {
        Path scopes = Files.writeString(dir.resolve("probes.scopes"), "slack:T1/C1/*  all\nrest:*/*/*  all\n");

        // serve reads the file first of all, through the same probe gateway as the probe command
        CliRun run = CliRun.withInput(new byte[0], Map.of("TRIAGE_PROBES_SCOPES", scopes.toString(),
                "TRIAGE_DATA", dir.resolve("data").toString()), "probe", "127.0.0.1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("triage: configuration: probes.scopes: " + scopes
                + " line 2: unknown surface 'rest' (one of web, slack, teams, discord, api, cli, or *)");
    }

    @Test
    void theProbeCommandKeepsTheGlobalListUnlessACliRuleTakesItAway() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path chatsOnly = Files.writeString(dir.resolve("chats"), "slack:*/*/*  all\n");
        Path noCli = Files.writeString(dir.resolve("no-cli"), "cli:*/*/*  none\n");
        String[] probe = {"probe", "--json", "--allow", "127.0.0.1/32:" + closed, "127.0.0.1:" + closed};

        CliRun operator = CliRun.withInput(new byte[0], Map.of("TRIAGE_PROBES_SCOPES", chatsOnly.toString(),
                "TRIAGE_DATA", dir.resolve("data").toString()), probe);
        CliRun refused = CliRun.withInput(new byte[0], Map.of("TRIAGE_PROBES_SCOPES", noCli.toString(),
                "TRIAGE_DATA", dir.resolve("data").toString()), probe);

        assertThat(operator.exit()).as(operator.err()).isZero();
        assertThat(operator.out()).contains("\"REFUSED\"");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).contains("live probes are not allowed for you here");
    }
}

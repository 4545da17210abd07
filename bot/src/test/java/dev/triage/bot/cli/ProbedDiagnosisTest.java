package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.bot.store.AuditEntry;
import dev.triage.bot.store.Database;
import dev.triage.bot.store.JdbcCaseStore;
import dev.triage.probes.fixtures.FilteredPort;
import dev.triage.probes.fixtures.TestCertificates;
import dev.triage.probes.fixtures.TestCertificates.Kind;
import dev.triage.probes.fixtures.XrdpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against real xrdp servers on loopback: probe results become evidence and re-rank causes. */
class ProbedDiagnosisTest {
    @TempDir
    static Path dir;
    static XrdpServer expired;
    static XrdpServer healthy;

    @BeforeAll
    static void startServers() throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("expired"));
        java.nio.file.Files.createDirectories(dir.resolve("healthy"));
        TestCertificates certs = TestCertificates.generate(dir.resolve("certs"));
        expired = XrdpServer.start(dir.resolve("expired"),
                XrdpServer.Config.of("negotiate", certs.certificate(Kind.EXPIRED), certs.key(Kind.EXPIRED)));
        healthy = XrdpServer.start(dir.resolve("healthy"),
                XrdpServer.Config.of("negotiate", certs.certificate(Kind.VALID), certs.key(Kind.VALID)));
    }

    @AfterAll
    static void stopServers() {
        if (expired != null) {
            expired.close();
        }
        if (healthy != null) {
            healthy.close();
        }
    }

    @Test
    void anExpiredCertificateRanksCertExpiredFirstWithTheProbeAsEvidence() throws Exception {
        JsonNode json = diagnose(expired.port());

        JsonNode top = json.path("causes").get(0);
        assertThat(top.path("id").asText()).isEqualTo("cert.expired");
        assertThat(top.path("evidence").toString()).containsIgnoringCase("expired");
        assertThat(statusOf(json, "certificate")).isEqualTo("EXPIRED");
    }

    @Test
    void aFilteredPortRanksNetworkAndFirewallCausesFirst() throws Exception {
        try (FilteredPort filtered = FilteredPort.open()) {
            JsonNode json = diagnose(filtered.port());

            assertThat(statusOf(json, "tcp")).isEqualTo("TIMEOUT");
            assertThat(json.path("causes").get(0).path("id").asText()).matches("(net|azure)\\..*");
        }
    }

    @Test
    void aHealthyServerMovesTheWeightToClientAndNetworkCauses() throws Exception {
        JsonNode json = diagnose(healthy.port());

        assertThat(json.path("causes").get(0).path("id").asText()).matches("(net|client)\\..*");
        assertThat(json.path("notices").toString()).contains("server looks healthy");
    }

    @Test
    void theProbeCommandSaysWhenTheCertificateExpired() {
        CliRun run = CliRun.withInput(new byte[0], env(), "probe", "--allow",
                "127.0.0.1/32:" + expired.port(), "127.0.0.1:" + expired.port());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("certificate").contains("EXPIRED").contains("2021");
    }

    @Test
    void loopbackWithoutAnAllowEntryIsRefusedAndAudited() {
        CliRun run = CliRun.withInput(new byte[0], env(), "probe", "127.0.0.1:" + healthy.port());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("loopback").contains("127.0.0.1/32");
        try (Database db = Database.embedded(dir.resolve("data"))) {
            List<AuditEntry> audit = new JdbcCaseStore(db.dataSource(), Clock.systemUTC()).recentAudit(1);
            assertThat(audit).singleElement().satisfies(e -> {
                assertThat(e.decision()).isEqualTo("DENIED");
                assertThat(e.target()).isEqualTo("127.0.0.1:" + healthy.port());
                assertThat(e.reason()).contains("loopback");
            });
        }
    }

    @Test
    void theMetadataAddressIsRefusedEvenWithABroadAllowEntry() {
        CliRun run = CliRun.withInput(new byte[0], env(), "probe", "--allow", "0.0.0.0/0", "169.254.169.254");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("link-local");
    }

    private static JsonNode diagnose(int port) throws Exception {
        CliRun run = CliRun.withInput(new byte[0], env(), "diagnose", "--json", "--allow",
                "127.0.0.1/32:" + port, "--host", "127.0.0.1:" + port, DiagnoseCommandTest.DIALOG);
        return DiagnoseCommandTest.json(run);
    }

    private static String statusOf(JsonNode json, String probe) {
        for (JsonNode p : json.path("probes")) {
            if (p.path("name").asText().equals(probe)) {
                return p.path("status").asText();
            }
        }
        return "(no " + probe + " step)";
    }

    private static Map<String, String> env() {
        return Map.of("TRIAGE_DATA", dir.resolve("data").toString());
    }
}

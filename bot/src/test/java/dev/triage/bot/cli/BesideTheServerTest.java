package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.store.HeldDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line while another process (as {@code triage serve} does) holds the database: what needs no database
 * works, and probing, whose audit goes there, fails with a plain message.
 */
class BesideTheServerTest {
    @TempDir
    static Path dir;
    static HeldDatabase server;

    @BeforeAll
    static void holdTheDatabase() throws Exception {
        server = HeldDatabase.start(dir.resolve("data"));
    }

    @AfterAll
    static void release() throws Exception {
        server.close();
    }

    @Test
    void aDiagnosisWithoutProbesNeedsNoDatabase() {
        CliRun run = cli("diagnose", "--no-probes", DiagnoseCommandTest.DIALOG);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("0x904");
    }

    @Test
    void aDiagnosisThatNamesNoHostOpensNoDatabase() {
        CliRun run = cli("diagnose", DiagnoseCommandTest.DIALOG);

        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void probingSaysWhichProcessHoldsTheDatabaseAndWhatToDoInstead() {
        CliRun run = cli("probe", "--allow", "127.0.0.1/32", "127.0.0.1:9");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("triage: the server or another triage command (pid " + server.pid() + ", since ")
                .contains(") holds the database in " + dir.resolve("data").toAbsolutePath() + ".\n")
                .contains("Probe through the running server instead (POST /api/diagnose with a \"host\")")
                .doesNotContain("Exception").doesNotContain("90020");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("data").resolve("triage.trace.db")).as("H2 traces the failed open")
                .satisfies(trace -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trace)))
                        .isEqualTo("rw-------"));
    }

    @Test
    void aDiagnosisThatWouldProbeFailsTheSameWay() {
        CliRun run = cli("diagnose", "--allow", "127.0.0.1/32", "--host", "127.0.0.1:9", DiagnoseCommandTest.DIALOG);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("(pid " + server.pid()).contains("--no-probes");
    }

    private static CliRun cli(String... args) {
        return CliRun.withInput(new byte[0], Map.of("TRIAGE_DATA", dir.resolve("data").toString()), args);
    }
}

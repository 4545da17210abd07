package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void exitWhenReadyStartsEverythingThenStops() {
        CliRun run = CliRun.withInput(new byte[0], Map.of(), "serve", "--port", "0", "--data",
                dir.resolve("data").toString(), "--exit-when-ready");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Triage is listening on http://localhost:").contains("ready");
        assertThat(Files.exists(dir.resolve("data").resolve("triage.mv.db"))).isTrue();
    }

    @Test
    void aBadPortIsAConfigurationError() {
        CliRun run = CliRun.of("serve", "--port", "http");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("port must be a number");
    }
}

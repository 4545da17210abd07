package dev.triage.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsKeepCasesNinetyDaysTheAuditAYearAndPoolThirtyTwoConnections() throws Exception {
        assertThat(load(Map.of()).store()).isEqualTo(new StoreConfig(32, 90, 365));
    }

    @Test
    void thePropertiesFileSetsThemAndTheEnvironmentWins() throws Exception {
        Path file = Files.writeString(dir.resolve("triage.properties"),
                "database.pool=8\nretention.days=30\nretention.audit-days=60\n");

        assertThat(load(Map.of("TRIAGE_CONFIG", file.toString())).store()).isEqualTo(new StoreConfig(8, 30, 60));
        assertThat(load(Map.of("TRIAGE_CONFIG", file.toString(), "TRIAGE_DB_POOL", "64", "TRIAGE_RETENTION_DAYS",
                "7", "TRIAGE_RETENTION_AUDIT_DAYS", "400")).store()).isEqualTo(new StoreConfig(64, 7, 400));
    }

    @Test
    void theDatabaseLoginComesFromTheEnvironmentOnlyAndNeverShowsThePassword() throws Exception {
        Path file = Files.writeString(dir.resolve("triage.properties"),
                "database.url=jdbc:postgresql://db.example:5432/triage\nTRIAGE_JDBC_PASSWORD=from-file\n");
        BotConfig config = load(Map.of("TRIAGE_CONFIG", file.toString(), "TRIAGE_JDBC_USER", "triage",
                "TRIAGE_JDBC_PASSWORD", "s3cret-pw"));

        assertThat(config.jdbcUrl()).contains("jdbc:postgresql://db.example:5432/triage");
        assertThat(config.store().login()).isEqualTo(new DatabaseLogin("triage", "s3cret-pw"));
        assertThat(config.toString()).doesNotContain("s3cret-pw");
        assertThat(load(Map.of("TRIAGE_CONFIG", file.toString())).store().login()).isEqualTo(DatabaseLogin.NONE);
    }

    @Test
    void anAuditKeptShorterThanTheCasesIsAnErrorNamingBoth() {
        assertThatThrownBy(() -> load(Map.of("TRIAGE_RETENTION_DAYS", "90", "TRIAGE_RETENTION_AUDIT_DAYS", "30")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("retention.audit-days (TRIAGE_RETENTION_AUDIT_DAYS) is 30 but must be at least "
                        + "retention.days (TRIAGE_RETENTION_DAYS), which is 90");
    }

    @Test
    void notANumberIsAnErrorNamingTheSetting() {
        assertThatThrownBy(() -> load(Map.of("TRIAGE_DB_POOL", "many"))).isInstanceOf(ConfigException.class)
                .hasMessage("database.pool (TRIAGE_DB_POOL) must be a whole number, not 'many'");
        assertThatThrownBy(() -> load(Map.of("TRIAGE_DB_POOL", "0"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("1..1000");
    }

    private BotConfig load(Map<String, String> env) throws Exception {
        Map<String, String> withConfig = new java.util.HashMap<>(env);
        // Never the working directory's triage.properties.
        if (!withConfig.containsKey("TRIAGE_CONFIG")) {
            withConfig.put("TRIAGE_CONFIG", Files.writeString(dir.resolve("empty.properties"), "").toString());
        }
        return new ConfigLoader(withConfig).load();
    }
}

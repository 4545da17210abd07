package dev.triage.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSettingsTest {
    @Test
    void theFormatAndLevelComeFromTheEnvironmentAndTheSecretsFromTheSecretVariablesOnly() {
        LogSettings settings = new ConfigLoader(Map.of("TRIAGE_CONFIG", "/dev/null", "TRIAGE_LOG_FORMAT", "JSON",
                "TRIAGE_LOG_LEVEL", "debug", "SLACK_SIGNING_SECRET", "8f742231b10e",
                "TRIAGE_ACCESS_USERS", "alice:correct-horse, bob:battery-staple", "TRIAGE_JDBC_PASSWORD", "short",
                "TRIAGE_PUBLIC_URL", "https://triage.example.com")).logging();

        assertThat(settings.format()).isEqualTo(LogSettings.Format.JSON);
        assertThat(settings.level()).isEqualTo(LogSettings.Level.DEBUG);
        assertThat(settings.secrets()).as("too short to mask without garbling lines: 'short'")
                .containsExactlyInAnyOrder("8f742231b10e", "correct-horse", "battery-staple");
    }

    @Test
    void withNothingSetLogsArePlainAtInfo() {
        LogSettings settings = new ConfigLoader(Map.of("TRIAGE_CONFIG", "/dev/null")).logging();
        assertThat(settings).isEqualTo(LogSettings.defaults());
    }

    @Test
    void anUnknownFormatIsNamed() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("TRIAGE_CONFIG", "/dev/null", "TRIAGE_LOG_FORMAT", "xml"))
                .logging()).isInstanceOf(ConfigException.class)
                .hasMessage("log.format must be plain or json, not 'xml'");
    }
}

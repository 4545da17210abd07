package dev.triage.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack switches on from the environment only, when both its secrets are set, and never prints them. */
class SlackSettingsTest {
    @TempDir
    Path dir;

    private BotConfig load(Map<String, String> slack, String file) throws IOException {
        Path properties = Files.writeString(dir.resolve("triage.properties"), file);
        Map<String, String> env = new HashMap<>(slack);
        env.put("TRIAGE_CONFIG", properties.toString());
        return new ConfigLoader(env).load();
    }

    @Test
    void offByDefaultAndOnWithTokenAndSecret() throws IOException {
        assertThat(load(Map.of(), "").slack().enabled()).isFalse();

        SlackSettings on = load(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s3cr3t",
                "SLACK_API_URL", "http://127.0.0.1:9/api", "SLACK_ALLOWED_USERS", "U1, U2"), "").slack();

        assertThat(on.enabled()).isTrue();
        assertThat(on.apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
        assertThat(on.allowedUsers()).containsExactly("U1", "U2");
        assertThat(on.toString()).doesNotContain("xoxb-1").doesNotContain("s3cr3t");
        assertThat(load(Map.of(), "").slack().apiUrl()).isEqualTo("https://slack.com/api/");
    }

    @Test
    void halfAConfigurationIsAnErrorNotASilentlyOffSlack() {
        assertThatThrownBy(() -> load(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_SIGNING_SECRET");
    }

    @Test
    void theAppTokenAloneSwitchesOnSocketModeWithoutTheEndpoint() throws IOException {
        SlackSettings socket = load(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1-A1-2-abc"), "")
                .slack();

        assertThat(socket.enabled()).isTrue();
        assertThat(socket.socketMode()).isTrue();
        assertThat(socket.endpoint()).as("no secret, so no endpoint that could not verify requests").isFalse();
        assertThat(socket.toString()).doesNotContain("xapp-1").doesNotContain("xoxb-1");

        SlackSettings both = load(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1-A1-2-abc",
                "SLACK_SIGNING_SECRET", "s3cr3t"), "").slack();
        assertThat(both.endpoint()).isTrue();
        assertThat(both.socketMode()).isTrue();
    }

    @Test
    void aBotTokenGivenAsTheAppTokenOrAnAppTokenWithoutBotTokenIsRefused() {
        assertThatThrownBy(() -> load(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-1"), ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("xapp-").hasMessageNotContaining("xoxb-1");
        assertThatThrownBy(() -> load(Map.of("SLACK_APP_TOKEN", "xapp-1-A1-2-abc"), ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN");
    }

    @Test
    void secretsInTheFileAreIgnored() throws IOException {
        BotConfig config = load(Map.of(), "SLACK_BOT_TOKEN=xoxb-1\nslack.signing-secret=s\nSLACK_SIGNING_SECRET=s\n");
        assertThat(config.slack().enabled()).isFalse();
    }
}

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

/** Discord switches on from the environment only, with an application id and a valid public key; no token printed. */
class DiscordSettingsTest {
    static final String KEY = "39c9c52a4f0419cf403b8ae8e80e94efe3c583bd71b7f1da591dce6f3c6e413b";

    @TempDir
    Path dir;

    private BotConfig load(Map<String, String> discord, String file) throws IOException {
        Path properties = Files.writeString(dir.resolve("triage.properties"), file);
        Map<String, String> env = new HashMap<>(discord);
        env.put("TRIAGE_CONFIG", properties.toString());
        return new ConfigLoader(env).load();
    }

    @Test
    void offByDefaultAndOnWithApplicationIdAndPublicKey() throws IOException {
        assertThat(load(Map.of(), "").discord().enabled()).isFalse();
        assertThat(load(Map.of(), "").discord().apiUrl()).isEqualTo("https://discord.com/api/v10");

        DiscordSettings on = load(Map.of("DISCORD_APPLICATION_ID", "1100000000000000001", "DISCORD_PUBLIC_KEY", KEY,
                "DISCORD_BOT_TOKEN", "secret-bot-token", "DISCORD_API_URL", "http://127.0.0.1:9/api/v10/",
                "DISCORD_ALLOWED_GUILDS", "1, 2", "DISCORD_HELPDESK_USERS", "3"), "").discord();

        assertThat(on.enabled()).isTrue();
        assertThat(on.apiUrl()).isEqualTo("http://127.0.0.1:9/api/v10");
        assertThat(on.allowedGuilds()).containsExactly("1", "2");
        assertThat(on.helpdeskUsers()).containsExactly("3");
        assertThat(on.toString()).doesNotContain("secret-bot-token").contains("botToken=set");
    }

    @Test
    void halfAConfigurationOrAMistypedKeyIsAnErrorNamingTheSetting() {
        assertThatThrownBy(() -> load(Map.of("DISCORD_APPLICATION_ID", "1100000000000000001"), ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DISCORD_PUBLIC_KEY");
        assertThatThrownBy(() -> load(Map.of("DISCORD_APPLICATION_ID", "1100000000000000001",
                "DISCORD_PUBLIC_KEY", KEY.substring(1)), ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> load(Map.of("DISCORD_APPLICATION_ID", "my-app", "DISCORD_PUBLIC_KEY", KEY), ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("numeric");
    }

    @Test
    void settingsInTheFileAreIgnored() throws IOException {
        BotConfig config = load(Map.of(), "DISCORD_APPLICATION_ID=1\nDISCORD_PUBLIC_KEY=" + KEY + "\n");
        assertThat(config.discord().enabled()).isFalse();
    }

    @Test
    void theGatewayNeedsTheBotTokenAndTheApplicationIdButNoPublicKey() throws IOException {
        assertThat(load(Map.of(), "").discord().gateway()).isFalse();
        DiscordSettings gateway = load(Map.of("DISCORD_GATEWAY", "true", "DISCORD_APPLICATION_ID",
                "1100000000000000001", "DISCORD_BOT_TOKEN", "secret-bot-token"), "").discord();

        assertThat(gateway.gateway()).isTrue();
        assertThat(gateway.enabled()).as("the interactions endpoint stays off without the public key").isFalse();
        assertThat(gateway.toString()).doesNotContain("secret-bot-token").contains("gateway=true");
        assertThatThrownBy(() -> load(Map.of("DISCORD_GATEWAY", "true", "DISCORD_APPLICATION_ID",
                "1100000000000000001"), "")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("DISCORD_BOT_TOKEN");
        assertThatThrownBy(() -> load(Map.of("DISCORD_GATEWAY", "yes"), "")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("DISCORD_GATEWAY must be true or false");
    }

    @Test
    void hostsStayOutOfServerChannelsUnlessSwitchedOff() throws IOException {
        assertThat(load(Map.of(), "").discord().privateHosts()).isTrue();
        assertThat(load(Map.of("DISCORD_PRIVATE_HOSTS", "false"), "").discord().privateHosts()).isFalse();
        assertThat(load(Map.of(), "DISCORD_PRIVATE_HOSTS=false\n").discord().privateHosts())
                .as("from the environment only, like every Discord setting").isTrue();
        assertThatThrownBy(() -> load(Map.of("DISCORD_PRIVATE_HOSTS", "no"), "")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("DISCORD_PRIVATE_HOSTS");
    }
}

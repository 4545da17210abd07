package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The app manifests the README tells people to paste subscribe to every event the handlers answer, with the scopes
 * those events need: a typed reply in a case's thread arrives as {@code message.channels} or {@code message.groups}
 * (without a mention), a DM as {@code message.im}.
 */
class SlackManifestTest {
    static final List<String> EVENTS = List.of("app_mention", "message.channels", "message.groups", "message.im");
    static final List<String> SCOPES = List.of("app_mentions:read", "chat:write", "im:history", "channels:history",
            "groups:history", "commands", "channels:read", "groups:read");

    @Test
    void theHttpManifestSendsEventsClicksAndTheCommandToTheSignedEndpoint() throws IOException {
        Map<String, Object> manifest = read("slack-manifest.yaml");

        assertThat(events(manifest)).containsExactlyInAnyOrderElementsOf(EVENTS);
        assertThat(scopes(manifest)).containsExactlyInAnyOrderElementsOf(SCOPES);
        assertThat(map(manifest, "settings", "event_subscriptions").get("request_url").toString())
                .endsWith(SlackAdapter.PATH);
        assertThat(map(manifest, "settings", "interactivity").get("request_url").toString())
                .endsWith(SlackAdapter.PATH);
        assertThat(command(manifest).get("url").toString()).endsWith(SlackAdapter.PATH);
        assertThat(map(manifest, "settings").get("socket_mode_enabled")).isEqualTo(false);
    }

    @Test
    void theSocketModeManifestHasTheSameEventsAndNoRequestUrls() throws IOException {
        Map<String, Object> manifest = read("slack-manifest-socket-mode.yaml");

        assertThat(events(manifest)).containsExactlyInAnyOrderElementsOf(EVENTS);
        assertThat(scopes(manifest)).containsExactlyInAnyOrderElementsOf(SCOPES);
        assertThat(map(manifest, "settings").get("socket_mode_enabled")).isEqualTo(true);
        assertThat(map(manifest, "settings", "event_subscriptions")).doesNotContainKey("request_url");
        assertThat(map(manifest, "settings", "interactivity")).doesNotContainKey("request_url")
                .containsEntry("is_enabled", true);
        assertThat(command(manifest)).doesNotContainKey("url").containsEntry("command", SlackHandlers.COMMAND);
    }

    private static Map<String, Object> read(String name) throws IOException {
        // Surefire runs in the module's folder; the manifests are in the repository's docs.
        return new Yaml().load(Files.readString(Path.of("..", "docs", name)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> root, String... keys) {
        Map<String, Object> node = root;
        for (String key : keys) {
            node = (Map<String, Object>) node.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static List<String> events(Map<String, Object> manifest) {
        return (List<String>) map(manifest, "settings", "event_subscriptions").get("bot_events");
    }

    @SuppressWarnings("unchecked")
    private static List<String> scopes(Map<String, Object> manifest) {
        return (List<String>) map(manifest, "oauth_config", "scopes").get("bot");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> command(Map<String, Object> manifest) {
        return ((List<Map<String, Object>>) map(manifest, "features").get("slash_commands")).get(0);
    }
}

package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.config.DiscordSettings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Installs Triage's slash command through Discord's API ({@code triage discord register}): {@code /triage} with an
 * optional string option {@code error} for the pasted message (without it, the command opens a form for a long paste).
 * Creating a command under an existing name replaces it, so registering again after an upgrade is safe.
 */
public final class DiscordCommands {
    /** Discord's limit for a string option's value. */
    private static final int MAX_OPTION = 6_000;

    private final DiscordApi api;

    public DiscordCommands(DiscordSettings settings) {
        ObjectMapper json = new ObjectMapper();
        this.api = new DiscordApi(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), json,
                settings.apiUrl(), settings.applicationId().orElseThrow(() -> new IllegalArgumentException(
                        "DISCORD_APPLICATION_ID is not set")), settings.botToken());
    }

    /** What came of a registration. */
    public sealed interface Registration {
        /** Discord took the command: its id, and where it is available. */
        record Registered(String commandId, String scope) implements Registration {
        }

        /** Discord refused it, or could not be reached; the reason says which. */
        record Refused(int status, String reason) implements Registration {
        }
    }

    /**
     * Registers {@code /triage} in one server (available at once; good for trying it out) or, with no guild, in every
     * server the app is installed in and in direct messages.
     */
    public Registration register(Optional<String> guild) {
        DiscordApi.Result result = api.upsertCommand(guild, definition());
        if (result instanceof DiscordApi.Result.Done done) {
            return new Registration.Registered(done.body().path("id").asText(),
                    guild.map(g -> "server " + g).orElse("every server the app is installed in"));
        }
        DiscordApi.Result.Failed failed = (DiscordApi.Result.Failed) result;
        return new Registration.Refused(failed.status(), failed.reason());
    }

    static ObjectNode definition() {
        ObjectNode command = new ObjectMapper().createObjectNode().put("name", DiscordInteractions.COMMAND)
                .put("type", 1).put("description", "Diagnose a Remote Desktop connection error from its message");
        command.putArray("options").addObject().put("type", 3).put("name", DiscordMessages.PASTE_INPUT)
                .put("description", "The error message; leave it out to paste a long one in a form")
                .put("required", false).put("max_length", MAX_OPTION);
        return command;
    }
}

package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of one interaction Triage uses (Discord's Interaction object, receiving-and-responding.mdx).
 *
 * @param id      the interaction's id, unique: deliveries are deduplicated on it
 * @param type    1 PING, 2 APPLICATION_COMMAND, 3 MESSAGE_COMPONENT, 5 MODAL_SUBMIT
 * @param token   the token its responses and edits are sent with, valid for 15 minutes
 * @param guild   the server, empty in a direct message
 * @param channel the channel it happened in
 * @param user    who triggered it (the member's user in a server)
 * @param data    the command, the component's custom id or the modal's inputs
 * @param message the message a clicked component (or a modal it opened) is on
 */
record DiscordInteraction(String id, int type, String token, Optional<String> guild, String channel, String user,
        JsonNode data, Optional<JsonNode> message) {
    static final int PING = 1;
    static final int COMMAND = 2;
    static final int COMPONENT = 3;
    static final int MODAL_SUBMIT = 5;

    DiscordInteraction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(message, "message");
    }

    /** Reads an interaction; empty when a field Triage needs is missing (a PING needs only its type). */
    static Optional<DiscordInteraction> parse(JsonNode json) {
        int type = json.path("type").asInt(0);
        String id = json.path("id").asText("");
        if (type == PING) {
            return Optional.of(new DiscordInteraction(id, type, "", Optional.empty(), "", "", json.path("data"),
                    Optional.empty()));
        }
        String token = json.path("token").asText("");
        String user = json.path("member").path("user").path("id").asText(json.path("user").path("id").asText(""));
        String channel = json.path("channel_id").asText(json.path("channel").path("id").asText(""));
        if (id.isEmpty() || token.isEmpty() || user.isEmpty() || channel.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> guild = Optional.of(json.path("guild_id").asText("")).filter(g -> !g.isEmpty());
        Optional<JsonNode> message = Optional.of(json.path("message")).filter(JsonNode::isObject);
        return Optional.of(new DiscordInteraction(id, type, token, guild, channel, user, json.path("data"), message));
    }

    /** The server, or {@code dm} for a direct message: the workspace part of identities and thread keys. */
    String workspace() {
        return guild.orElse("dm");
    }

    /** A string option of the slash command, blank when absent. */
    String option(String name) {
        for (JsonNode option : data.path("options")) {
            if (name.equals(option.path("name").asText())) {
                return option.path("value").asText("");
            }
        }
        return "";
    }

    String customId() {
        return data.path("custom_id").asText("");
    }

    /** The value of a modal's text input, blank when absent. */
    String input(String customId) {
        for (JsonNode row : data.path("components")) {
            for (JsonNode input : row.path("components")) {
                if (customId.equals(input.path("custom_id").asText())) {
                    return input.path("value").asText("");
                }
            }
        }
        return "";
    }

    Optional<String> messageId() {
        return message.map(m -> m.path("id").asText("")).filter(m -> !m.isEmpty());
    }
}

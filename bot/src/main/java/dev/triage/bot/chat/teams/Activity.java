package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The parts of an inbound Bot Framework activity Triage reads. Built only from a body whose token was checked; its
 * text and values are still the sender's words, untrusted wherever they are shown.
 *
 * @param type             {@code message}, {@code conversationUpdate}, {@code invoke}, ...
 * @param id               the activity id; a reply in a channel goes under it
 * @param serviceUrl       where replies go; checked against the token's claim before this is trusted
 * @param channelId        {@code msteams} (or {@code emulator}, {@code webchat}): the key must be endorsed for it
 * @param tenant           the AAD tenant the sender belongs to
 * @param user             the sender's AAD object id, empty when the platform gave none
 * @param userName         the sender's display name, for "who answered"
 * @param conversationId   the conversation; in a channel it ends in {@code ;messageid=<root>}, the thread
 * @param conversationType {@code personal}, {@code groupChat} or {@code channel}
 * @param team             the team of a channel conversation
 * @param channel          the channel of a channel conversation
 * @param text             the text with Triage's own @-mention taken out
 * @param value            an Adaptive Card submit's data, when this is a click
 * @param replyToId        the activity this one answers (for a click: the card's activity)
 */
record Activity(String type, String id, String serviceUrl, String channelId, String tenant, Optional<String> user,
        String userName, String conversationId, String conversationType, Optional<String> team,
        Optional<String> channel, String text, Optional<JsonNode> value, Optional<String> replyToId) {

    /** Reads an activity; what is missing is empty, so a malformed one is refused by its checks, not by a crash. */
    static Activity of(JsonNode json) {
        JsonNode conversation = json.path("conversation");
        JsonNode channelData = json.path("channelData");
        String tenant = text(channelData.path("tenant").path("id"))
                .or(() -> text(conversation.path("tenantId"))).orElse("");
        JsonNode value = json.path("value");
        return new Activity(json.path("type").asText(""), json.path("id").asText(""),
                json.path("serviceUrl").asText(""), json.path("channelId").asText(""), tenant,
                text(json.path("from").path("aadObjectId")), json.path("from").path("name").asText(""),
                conversation.path("id").asText(""), conversation.path("conversationType").asText("personal"),
                text(channelData.path("team").path("id")), text(channelData.path("channel").path("id")),
                withoutOwnMention(json), value.isObject() ? Optional.of(value) : Optional.empty(),
                text(json.path("replyToId")));
    }

    boolean inChannel() {
        return conversationType.equals("channel");
    }

    /** The conversation without its thread suffix: the channel, or the chat. */
    String conversationBase() {
        int thread = conversationId.indexOf(";messageid=");
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    /** The thread's root message in a channel; a chat is one running conversation. */
    String thread() {
        int thread = conversationId.indexOf(";messageid=");
        return thread < 0 ? "chat" : conversationId.substring(thread + ";messageid=".length());
    }

    /**
     * The text without the {@code <at>Triage</at>} of mentions of the recipient (the bot): Teams puts the mention's
     * markup into the text and names whom it mentions in {@code entities}.
     */
    private static String withoutOwnMention(JsonNode json) {
        String text = json.path("text").asText("");
        String bot = json.path("recipient").path("id").asText("");
        for (JsonNode entity : json.path("entities")) {
            if (entity.path("type").asText().equals("mention") && !bot.isEmpty()
                    && entity.path("mentioned").path("id").asText().equals(bot)) {
                String markup = entity.path("text").asText("");
                if (!markup.isEmpty()) {
                    text = text.replace(markup, "");
                }
            }
        }
        return text.strip();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}

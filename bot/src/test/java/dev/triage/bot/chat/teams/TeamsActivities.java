package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Activities as Teams sends them to a bot (the Bot Framework Activity schema; Teams' channelData with tenant, team
 * and channel): a channel post that @-mentions Triage, a message in a 1:1 chat, a card's submit.
 */
final class TeamsActivities {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TENANT = "72f988bf-0000-4000-8000-0000000000aa";
    static final String TEAM = "19:team-general@thread.tacv2";
    static final String CHANNEL = "19:team-general@thread.tacv2";
    static final String BOT = "28:" + BotFrameworkStandIn.APP_ID;

    private TeamsActivities() {
    }

    /** A channel post that @-mentions Triage: a new thread whose root is the post itself. */
    static ObjectNode mention(String serviceUrl, String id, String user, String text) {
        ObjectNode a = activity(serviceUrl, id, user, CHANNEL + ";messageid=" + id, "channel");
        a.put("text", "<at>Triage</at> " + text);
        ObjectNode mention = a.putArray("entities").addObject().put("type", "mention").put("text", "<at>Triage</at>");
        mention.putObject("mentioned").put("id", BOT).put("name", "Triage");
        ObjectNode channelData = (ObjectNode) a.path("channelData");
        channelData.putObject("team").put("id", TEAM);
        channelData.putObject("channel").put("id", CHANNEL);
        return a;
    }

    /** A message in the user's 1:1 chat with Triage. */
    static ObjectNode personal(String serviceUrl, String id, String user, String text) {
        ObjectNode a = activity(serviceUrl, id, user, "a:1" + user + "-chat-with-triage", "personal");
        a.put("text", text);
        return a;
    }

    /** A click on an Adaptive Card's Action.Submit: a message activity with the action's data as its value. */
    /**
     * What clicking the card's first action submits: its data, and for a question shown as a choice set the first
     * choice, as Teams merges the card's inputs into the data.
     */
    static ObjectNode firstAnswer(JsonNode card) {
        ObjectNode data = ((ObjectNode) card.path("actions").path(0).path("data")).deepCopy();
        for (JsonNode element : card.path("body")) {
            if (element.path("type").asText().equals("Input.ChoiceSet")) {
                data.put(element.path("id").asText(), element.path("choices").path(0).path("value").asText());
            }
        }
        return data;
    }

    static ObjectNode submit(ObjectNode original, String id, String user, String cardActivityId, ObjectNode data) {
        ObjectNode a = original.deepCopy();
        a.put("id", id).put("replyToId", cardActivityId);
        a.remove("text");
        a.remove("entities");
        ((ObjectNode) a.path("from")).put("id", "29:" + user).put("aadObjectId", user).put("name", "Name of " + user);
        a.set("value", data);
        return a;
    }

    private static ObjectNode activity(String serviceUrl, String id, String user, String conversationId,
            String type) {
        ObjectNode a = JSON.createObjectNode().put("type", "message").put("id", id).put("channelId", "msteams")
                .put("serviceUrl", serviceUrl).put("timestamp", "2026-12-06T10:00:00.000Z").put("locale", "en-US");
        a.putObject("from").put("id", "29:" + user).put("aadObjectId", user).put("name", "Name of " + user);
        a.putObject("recipient").put("id", BOT).put("name", "Triage");
        a.putObject("conversation").put("id", conversationId).put("conversationType", type).put("tenantId", TENANT)
                .put("isGroup", !type.equals("personal"));
        a.putObject("channelData").putObject("tenant").put("id", TENANT);
        return a;
    }
}

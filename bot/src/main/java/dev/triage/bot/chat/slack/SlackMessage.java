package dev.triage.bot.chat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.triage.bot.chat.HostRedaction;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A message as Slack takes it: Block Kit blocks, and the plain text notifications and screen readers show.
 *
 * @param text   the fallback text, escaped like the blocks
 * @param blocks at most {@link SlackBlocks#MAX_BLOCKS} blocks
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {
    /** The SDK's own mapping of Block Kit, which knows every block and element type. */
    private static final Gson BLOCK_JSON = GsonFactory.createSnakeCase();
    /** Fields Triage fills with its own identifiers and Block Kit's keywords; never text from a paste or a probe. */
    private static final Set<String> STRUCTURE = Set.of("type", "action_id", "block_id", "style", "callback_id");

    SlackMessage {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
        if (blocks.size() > SlackBlocks.MAX_BLOCKS) {
            throw new IllegalArgumentException("Slack takes at most " + SlackBlocks.MAX_BLOCKS + " blocks");
        }
    }

    /**
     * This message with every host taken out of every string it carries, whatever block or element holds it: the
     * blocks go through the SDK's JSON form, so a block type added later is covered without being listed here.
     */
    SlackMessage redacted(HostRedaction redaction) {
        JsonElement tree = BLOCK_JSON.toJsonTree(blocks);
        JsonElement clean = redact(tree, "", redaction);
        List<LayoutBlock> redactedBlocks = BLOCK_JSON.fromJson(clean, new TypeToken<List<LayoutBlock>>() { }.getType());
        return new SlackMessage(redaction.apply(text), redactedBlocks);
    }

    /** Whether the message names a host {@code redaction} would take out. */
    boolean names(HostRedaction redaction) {
        return redaction.names(text) || redaction.names(BLOCK_JSON.toJson(blocks));
    }

    private static JsonElement redact(JsonElement element, String key, HostRedaction redaction) {
        if (element.isJsonObject()) {
            JsonObject out = new JsonObject();
            for (Map.Entry<String, JsonElement> field : element.getAsJsonObject().entrySet()) {
                out.add(field.getKey(), redact(field.getValue(), field.getKey(), redaction));
            }
            return out;
        }
        if (element.isJsonArray()) {
            JsonArray out = new JsonArray();
            element.getAsJsonArray().forEach(item -> out.add(redact(item, key, redaction)));
            return out;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString() && !STRUCTURE.contains(key)) {
            return new JsonPrimitive(redaction.apply(element.getAsString()));
        }
        return element;
    }
}

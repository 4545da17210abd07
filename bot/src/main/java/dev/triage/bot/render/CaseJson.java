package dev.triage.bot.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.conversation.Conversations.CaseView;
import java.util.Locale;

/**
 * A case as JSON: the diagnosis plus every stored fact. {@code GET /api/cases/{id}}, {@code GET /cases/{id}.json}
 * and the ticket webhook all send this shape.
 */
public final class CaseJson {
    private final ObjectMapper json;
    private final JsonView jsonView;

    public CaseJson(ObjectMapper json) {
        this.json = json;
        this.jsonView = new JsonView(json);
    }

    /** @param probing whether a probe run of the case is going on now */
    public ObjectNode render(CaseView view, boolean probing) {
        ObjectNode out = jsonView.render(view.reply().withProbing(probing));
        out.put("created_at", view.stored().createdAt().toString());
        var transcript = out.putArray("facts");
        view.stored().facts().forEach(f -> {
            ObjectNode node = transcript.addObject();
            node.put("seq", f.seq()).put("kind", f.kind().name().toLowerCase(Locale.ROOT))
                    .put("at", f.at().toString());
            node.set("data", readTree(f.payload()));
        });
        return out;
    }

    private JsonNode readTree(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fact is not JSON", e);
        }
    }
}

package dev.triage.bot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Surface;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads what a request says: its JSON body, and who sent it. */
final class Requests {
    static final String SESSION_COOKIE = "triage_session";
    static final String PRINCIPAL = "triage.principal";
    static final String CLIENT_ADDRESS = "triage.client";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectMapper json;

    Requests(ObjectMapper json) {
        this.json = json;
    }

    JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadRequest("The request body must be a JSON object.");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The sender: the authenticated principal when access is configured, else the browser's session (the web chat),
     * else the client address. The same principal or session from another address is the same user.
     */
    static Identity identity(Context ctx) {
        String address = Optional.ofNullable(ctx.<String>attribute(CLIENT_ADDRESS)).orElse(ctx.ip());
        Optional<String> session = session(ctx);
        Surface surface = session.isPresent() ? Surface.WEB : Surface.API;
        String principal = Optional.ofNullable(ctx.<String>attribute(PRINCIPAL)).map(p -> "user:" + p)
                .or(() -> session.map(s -> "session:" + s))
                .orElse("address:" + address);
        return Identity.http(surface, principal, address);
    }

    /** The session cookie when it has the shape this server gives out. */
    static Optional<String> session(Context ctx) {
        return Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).filter(s -> s.matches("[A-Za-z0-9_-]{22}"));
    }

    /** Gives the browser a session if it has none: an unguessable id, unreadable by scripts, never sent cross-site. */
    static void ensureSession(Context ctx, boolean secure) {
        if (session(ctx).isPresent()) {
            return;
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        ctx.header("Set-Cookie", SESSION_COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }

    static String text(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (!node.isTextual()) {
            throw new BadRequest("'" + field + "' is required and must be a string.");
        }
        return node.asText();
    }

    static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new BadRequest("'" + field + "' must be a non-empty string when given.");
        }
        return Optional.of(node.asText().strip());
    }

    static Map<String, String> answers(JsonNode node) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return answers;
        }
        if (!node.isObject()) {
            throw new BadRequest("'answers' must be an object of question id to answer value.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new BadRequest("The answer to '" + e.getKey() + "' must be a string.");
            }
            answers.put(e.getKey(), e.getValue().asText());
        }
        return answers;
    }
}

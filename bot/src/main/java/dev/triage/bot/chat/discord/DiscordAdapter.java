package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.SignedRequest;
import dev.triage.bot.chat.Webhook;
import dev.triage.bot.config.DiscordSettings;
import dev.triage.bot.store.PlatformStore;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's interactions endpoint, {@code POST /discord/interactions}. Each request is checked against the
 * application's Ed25519 public key on its raw bytes first (401 and nothing stored when it fails; Discord sends
 * invalid signatures on purpose and drops endpoints that accept them), then parsed and answered inside Discord's
 * 3 s, while the conversation runs on the worker and edits the answer in place.
 */
public final class DiscordAdapter implements Webhook {
    public static final String PATH = "/discord/interactions";
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);

    private final DiscordSignature signature;
    private final DiscordInteractions interactions;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param worker runs conversations after their interaction was acknowledged: this platform's queue of the
     *               shared {@link dev.triage.bot.chat.TurnWorkers}
     */
    public DiscordAdapter(DiscordSettings settings, String publicUrl, ChatCore core, PlatformStore store,
            Executor worker, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("Discord is not configured: " + settings);
        }
        this.signature = new DiscordSignature(settings.publicKey().orElseThrow(), clock);
        DiscordSignature.warmUp();
        DiscordApi api = new DiscordApi(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), json,
                settings.apiUrl(), settings.applicationId().orElseThrow(), settings.botToken());
        DiscordMessages messages = new DiscordMessages(publicUrl);
        DiscordConversations conversations = new DiscordConversations(core, store, api, messages, worker,
                settings.privateHosts());
        this.interactions = new DiscordInteractions(conversations, store, messages, worker,
                settings.allowedGuilds(), settings.helpdeskUsers(), core.conversations().questions());
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public Response handle(Request request) {
        SignedRequest.Verdict verdict = signature.verify(request.header("X-Signature-Timestamp"),
                request.header("X-Signature-Ed25519"), request.body());
        if (verdict instanceof SignedRequest.Verdict.Refused refused) {
            LOG.info("discord: refused a request from {}: {}", request.remoteAddress(), refused.reason());
            return Response.json(401, "{\"error\":\"The request is not signed by Discord.\"}");
        }
        Optional<DiscordInteraction> interaction = parse(request.body());
        if (interaction.isEmpty()) {
            return Response.json(400, "{\"error\":\"The body is not an interaction Triage can read.\"}");
        }
        Optional<ObjectNode> response = interactions.respond(interaction.get());
        return response.map(r -> Response.json(200, r.toString())).orElseGet(() -> Response.json(409,
                "{\"error\":\"This interaction was handled already.\"}"));
    }

    private Optional<DiscordInteraction> parse(byte[] body) {
        try {
            JsonNode tree = json.readTree(body);
            return tree == null || !tree.isObject() ? Optional.empty() : DiscordInteraction.parse(tree);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.Webhook;
import dev.triage.bot.config.TeamsSettings;
import dev.triage.bot.store.PlatformStore;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework messaging endpoint, {@code POST /api/messages}. The token is checked before the body is read (401
 * without one, 403 when it fails, nothing stored either way), then the body is bound to it (its {@code serviceUrl}
 * and the key's endorsement for its channel), then the tenant is checked against the allow-list. The conversation
 * work is queued and the activity acknowledged at once; a delivery seen before is dropped by the worker.
 */
public final class TeamsAdapter implements Webhook, AutoCloseable {
    public static final String PATH = "/api/messages";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsAdapter.class);
    /** A token naming a key not seen yet fetches the keys again, at most this often. */
    private static final Duration KEY_REFRESH = Duration.ofMinutes(1);
    private static final Duration BACKOFF = Duration.ofMillis(500);

    private final TeamsSettings settings;
    private final InboundAuth auth;
    private final Connector connector;
    private final TeamsConversations conversations;
    private final PlatformStore store;
    private final Executor worker;
    private final ObjectMapper json;

    /**
     * @param worker runs conversations after their activity was acknowledged: this platform's queue of the
     *               shared {@link dev.triage.bot.chat.TurnWorkers}
     */
    public TeamsAdapter(TeamsSettings settings, String publicUrl, ChatCore core, PlatformStore store,
            Executor worker, ObjectMapper json, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("Teams is not configured: " + settings);
        }
        this.settings = settings;
        this.store = store;
        this.worker = worker;
        this.json = json;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.auth = new InboundAuth(settings.appId().orElseThrow(),
                new SigningKeys(settings.openIdMetadataUrl(), http, json, clock, KEY_REFRESH), clock);
        AppToken token = new AppToken(settings.tokenUrl(), settings.appId().orElseThrow(),
                settings.appPassword().orElseThrow(), http, json, clock);
        this.connector = new Connector(settings, token, http, json, BACKOFF);
        this.conversations = new TeamsConversations(core, store, connector, new TeamsCards(publicUrl, json), worker,
                settings.allowedUsers());
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public Response handle(Request request) {
        InboundAuth.Verdict verdict = auth.verify(request.header("Authorization"));
        if (verdict instanceof InboundAuth.Verdict.Missing) {
            LOG.info("teams: refused a request without a token from {}", request.remoteAddress());
            return Response.json(401, "{\"error\":\"A Bot Framework token is required.\"}");
        }
        if (verdict instanceof InboundAuth.Verdict.Unavailable unavailable) {
            LOG.warn("teams: a request could not be checked: {}", unavailable.reason());
            return Response.json(503, "{\"error\":\"The token cannot be checked now; try again.\"}");
        }
        if (verdict instanceof InboundAuth.Verdict.Refused refused) {
            return refuse(request, refused.reason());
        }
        Activity activity;
        try {
            activity = Activity.of(json.readTree(request.body()));
        } catch (IOException e) {
            return Response.json(400, "{\"error\":\"The body is not an activity (JSON).\"}");
        }
        var problem = ((InboundAuth.Verdict.Verified) verdict).admits(activity);
        if (problem.isPresent()) {
            return refuse(request, problem.get());
        }
        if (!settings.tenantAllowed(activity.tenant())) {
            // Acknowledged, so the platform does not send it again; a tenant not allowed gets no answer at all.
            LOG.info("teams: an activity from tenant '{}', which is not allowed, was ignored", activity.tenant());
            return ok();
        }
        if (!connector.trust(activity.serviceUrl())) {
            return refuse(request, "the serviceUrl " + activity.serviceUrl() + " is not allowed by the settings");
        }
        if (wanted(activity)) {
            queue(activity);
        }
        return ok();
    }

    /** Messages from people: a paste, a reply, or a card's submit. Conversation updates and the like are not. */
    private static boolean wanted(Activity a) {
        return a.type().equals("message") && a.user().isPresent() && !a.id().isEmpty()
                && !a.conversationId().isEmpty();
    }

    private void queue(Activity activity) {
        worker.execute(() -> {
            // Recorded on the worker, not the request thread: the acknowledgement waits for no database write, and
            // a repeated delivery is still dropped before it is answered.
            if (!store.firstDelivery(TeamsConversations.PLATFORM,
                    TeamsConversations.fit(activity.conversationId() + "|" + activity.id()))) {
                return;
            }
            if (activity.value().isPresent()) {
                conversations.click(activity);
            } else {
                conversations.message(activity);
            }
        });
    }

    private static Response refuse(Request request, String reason) {
        LOG.info("teams: refused a request from {}: {}", request.remoteAddress(), reason);
        return Response.json(403, "{\"error\":\"The request is not from the Bot Framework for this bot.\"}");
    }

    private static Response ok() {
        return Response.json(200, "{}");
    }

    @Override
    public void close() {
        // Nothing of its own to release: the worker belongs to the application, and Java 17's HTTP client has no
        // close; its threads are daemons.
    }
}

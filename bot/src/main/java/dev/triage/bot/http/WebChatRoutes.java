package dev.triage.bot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.CaseEvent;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.render.JsonView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web chat: its page at {@code /}, its files under {@code /assets/}, all from the jar (it works with no internet),
 * and each case's progress as server-sent events.
 */
final class WebChatRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebChatRoutes.class);
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
            "html", "text/html; charset=utf-8", "json", "application/json");
    // Proxies close connections that stay silent; a comment line every 20 s keeps the stream open.
    private static final long PING_SECONDS = 20;

    private final ChatCore core;
    private final ObjectMapper json;
    private final JsonView jsonView;
    private final boolean secureCookies;
    private final Set<SseClient> streams = ConcurrentHashMap.newKeySet();

    WebChatRoutes(ChatCore core, ObjectMapper json, boolean secureCookies, ScheduledExecutorService pings) {
        this.core = core;
        this.json = json;
        this.jsonView = new JsonView(json);
        this.secureCookies = secureCookies;
        pings.scheduleAtFixedRate(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    void register(RouteTable routes) {
        routes.get("/", this::page);
        routes.get("/assets/{name}", this::asset);
        routes.sse("/api/cases/{id}/events", this::events);
    }

    /** How many event streams are open, for tests and the benchmark. */
    int openStreams() {
        return streams.size();
    }

    private void page(Context ctx) {
        Requests.ensureSession(ctx, secureCookies);
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/html; charset=utf-8").result(resource("index.html").orElseThrow(
                () -> new IllegalStateException("the web chat's index.html is missing from the jar")));
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("name");
        String extension = name.substring(name.lastIndexOf('.') + 1);
        Optional<byte[]> body = name.matches("[a-z0-9][a-z0-9._-]{0,60}") && TYPES.containsKey(extension)
                ? resource(name) : Optional.empty();
        if (body.isEmpty()) {
            HttpApi.error(ctx, HttpStatus.NOT_FOUND, "No such file.");
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(TYPES.get(extension)).result(body.get());
    }

    private void events(SseClient client) {
        String caseId = client.ctx().pathParam("id");
        if (!core.conversations().exists(caseId)) {
            client.sendEvent("error", "{\"error\": \"There is no such case.\"}");
            client.close();
            return;
        }
        client.keepAlive();
        streams.add(client);
        core.followRunElsewhere(caseId); // the message that started the run may have gone to another instance
        AutoCloseable subscription = core.events().subscribe(caseId, event -> send(client, event));
        client.onClose(() -> {
            streams.remove(client);
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing a subscription failed: {}", e);
            }
        });
    }

    private void send(SseClient client, CaseEvent event) {
        String name = event instanceof CaseEvent.Rediagnosed ? "reply"
                : event instanceof CaseEvent.Idle ? "idle" : "step";
        String data = data(event).toString();
        synchronized (client) {
            if (!client.terminated()) {
                client.sendEvent(name, data);
            }
        }
    }

    private ObjectNode data(CaseEvent event) {
        if (event instanceof CaseEvent.StepStarted started) {
            return json.createObjectNode().put("phase", "started").put("name", started.step());
        }
        if (event instanceof CaseEvent.StepFinished finished) {
            return jsonView.probe(finished.outcome()).put("phase", "done");
        }
        if (event instanceof CaseEvent.Rediagnosed rediagnosed) {
            return jsonView.render(rediagnosed.reply());
        }
        return json.createObjectNode();
    }

    private void ping() {
        for (SseClient client : streams) {
            synchronized (client) {
                if (!client.terminated()) {
                    client.sendComment("ping");
                }
            }
        }
    }

    private static Optional<byte[]> resource(String name) {
        try (InputStream in = WebChatRoutes.class.getResourceAsStream("/web/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

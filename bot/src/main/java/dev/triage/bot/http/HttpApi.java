package dev.triage.bot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.Webhook;
import dev.triage.bot.config.HttpSettings;
import dev.triage.bot.tickets.Tickets;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server: the web chat, the REST API and the case permalinks, behind the access guard and the CSRF guard.
 * Every response says {@code nosniff}; every error is {@code {"error": "..."}}.
 */
public final class HttpApi {
    // Above PasteCheck's limit with room for JSON escaping, so an oversized paste gets PasteCheck's helpful message.
    private static final long MAX_REQUEST_BYTES = 1024L * 1024;

    private final ChatCore core;
    private final ObjectMapper json;
    private final String publicUrl;
    private final HttpSettings settings;
    private final Duration waitLimit;
    private final ScheduledExecutorService scheduler;
    private final Tickets tickets;
    private final List<Webhook> webhooks;
    private final Operations operations;
    private final Set<String> webhookPaths;
    private List<RouteTable.Route> routes = List.of();

    /**
     * @param waitLimit how long {@code ?wait=true} waits for probes
     * @param scheduler runs the event streams' keep-alive pings
     * @param tickets   the ticket systems cases can be sent to
     * @param webhooks  the chat platforms' endpoints (Slack's events): they authenticate requests by signature
     */
    public HttpApi(ChatCore core, ObjectMapper json, String publicUrl, HttpSettings settings, Duration waitLimit,
            ScheduledExecutorService scheduler, Tickets tickets, List<Webhook> webhooks) {
        this(core, json, publicUrl, settings, waitLimit, scheduler, tickets, webhooks, Operations.NONE);
    }

    /** @param operations readiness, metrics and draining, for {@code /ready}, {@code /metrics} and shutdown */
    public HttpApi(ChatCore core, ObjectMapper json, String publicUrl, HttpSettings settings, Duration waitLimit,
            ScheduledExecutorService scheduler, Tickets tickets, List<Webhook> webhooks, Operations operations) {
        this.core = core;
        this.json = json;
        this.publicUrl = publicUrl;
        this.settings = settings;
        this.waitLimit = waitLimit;
        this.scheduler = scheduler;
        this.tickets = tickets;
        this.webhooks = List.copyOf(webhooks);
        this.operations = operations;
        this.webhookPaths = webhooks.stream().map(Webhook::path).collect(java.util.stream.Collectors.toSet());
    }

    /** A configured server, not yet started; tests start it on port 0. */
    public Javalin create() {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.threadPool = threadPool(settings.threads());
            // Called for every request, also one a before-handler stopped (401, 503).
            config.requestLogger.http((ctx, millis) -> operations.requestEnded(ctx.method().name(), route(ctx),
                    ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000)), webhookPaths.contains(ctx.path())));
        });
        AccessGuard access = new AccessGuard(settings,
                webhooks.stream().map(Webhook::path).collect(java.util.stream.Collectors.toSet()));
        CsrfGuard csrf = new CsrfGuard(publicUrl);
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            access.check(ctx);
        });
        // A platform endpoint under /api (Teams' /api/messages) is no browser form: it checks its own token.
        app.before("/api/*", ctx -> {
            if (!webhookPaths.contains(ctx.path())) {
                csrf.check(ctx);
            }
        });
        app.before(this::refuseWhileDraining);
        RouteTable table = new RouteTable(app);
        routes(table);
        routes = table.routes();
        app.exception(BadRequest.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            org.slf4j.LoggerFactory.getLogger(HttpApi.class).error("request failed: {}", ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Triage failed to handle this request; it is logged.");
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.result() == null) {
                error(ctx, HttpStatus.NOT_FOUND, "No such page: " + ctx.path());
            }
        });
        app.error(HttpStatus.CONTENT_TOO_LARGE, ctx -> error(ctx, HttpStatus.CONTENT_TOO_LARGE,
                "The request is larger than " + MAX_REQUEST_BYTES / 1024 + " KiB. Paste the error dialog, or the"
                        + " last lines of the log around the failure."));
        return app;
    }

    /** The route's template ({@code /api/cases/{id}}), never the path with its case id; empty when none matched. */
    private static String route(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * While shutting down, new work gets a 503 at once, which a client or load balancer retries on another
     * instance; what already runs finishes. Health, readiness and metrics still answer.
     */
    private void refuseWhileDraining(Context ctx) {
        if (operations.draining() && !ctx.path().equals("/health") && !ctx.path().equals(OperationsRoutes.READY)
                && !ctx.path().equals("/metrics")) {
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "This instance is shutting down; send the request again.");
            ctx.skipRemainingHandlers();
        }
    }

    /** Every route the server answers, for the OpenAPI test. Filled by {@link #create()}. */
    List<RouteTable.Route> routes() {
        return routes;
    }

    private void routes(RouteTable table) {
        table.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        new OperationsRoutes(operations).register(table);
        table.get("/api/openapi.json", this::openApi);
        new ConversationRoutes(core, json, waitLimit).register(table);
        new WebChatRoutes(core, json, publicUrl.startsWith("https:"), scheduler).register(table);
        new CaseRoutes(core, json, publicUrl).register(table);
        new TicketRoutes(tickets, json).register(table);
        webhooks.forEach(webhook -> table.post(webhook.path(), ctx -> WebhookRoute.serve(webhook, ctx)));
    }

    private void openApi(Context ctx) throws java.io.IOException {
        try (var in = HttpApi.class.getResourceAsStream("/openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    /** Request threads beyond which requests wait in Jetty's first-come queue instead of piling onto the database. */
    private static QueuedThreadPool threadPool(int threads) {
        QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(8, threads));
        pool.setName("triage-http");
        return pool;
    }

    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }
}

package dev.triage.bot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.conversation.Conversations;
import dev.triage.bot.conversation.Conversations.CaseView;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.bot.render.CaseListPage;
import dev.triage.bot.render.CasePage;
import dev.triage.bot.render.JsonView;
import dev.triage.bot.render.TicketView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The REST API and the case permalinks. */
public final class HttpApi {
    // Above PasteCheck's limit, so an oversized paste gets PasteCheck's helpful message rather than a bare 413.
    private static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024;
    // The case pages need neither script nor inline style: only their own stylesheet, and forms back to us.
    private static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final int CASES_PER_PAGE = 50;

    private final Conversations conversations;
    private final ObjectMapper json;
    private final JsonView jsonView;
    private final TicketView ticketView;
    private final CasePage casePage;
    private final CaseListPage caseListPage = new CaseListPage();
    private final StaticAsset caseCss = StaticAsset.load("/assets/case.css", "text/css; charset=utf-8");

    public HttpApi(Conversations conversations, ObjectMapper json, String publicUrl) {
        this.conversations = conversations;
        this.json = json;
        this.jsonView = new JsonView(json);
        this.ticketView = new TicketView(publicUrl);
        this.casePage = new CasePage(json, conversations.questions());
    }

    /** A configured server, not yet started; tests start it on port 0. */
    public Javalin create() {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(json, false));
        });
        app.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff")); // no response is ever sniffed as HTML
        routes(app);
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
        return app;
    }

    private void routes(Javalin app) {
        app.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        app.post("/api/diagnose", this::diagnose);
        app.post("/api/cases", this::openCase);
        app.post("/api/cases/{id}/messages", this::postMessage);
        app.get("/api/cases/{id}", this::getCase);
        app.get("/cases/{ref}", this::permalink);
        app.get("/cases", this::listCases);
        app.get("/assets/case.css", caseCss::serve);
    }

    private void diagnose(Context ctx) {
        JsonNode body = body(ctx);
        String text = text(body, "text");
        Map<String, String> answers = answers(body.path("answers"));
        Optional<String> host = optionalText(body, "host");
        boolean probe = body.path("probes").asBoolean(true);
        send(ctx, conversations.oneShot(text, answers, host, probe, actor(ctx)), HttpStatus.OK);
    }

    private void openCase(Context ctx) {
        String text = text(body(ctx), "text");
        TurnOutcome outcome = conversations.open("api", actor(ctx), text);
        if (outcome instanceof TurnOutcome.Replied replied) {
            replied.reply().caseId().ifPresent(id -> ctx.header("Location", "/api/cases/" + id));
        }
        send(ctx, outcome, HttpStatus.CREATED);
    }

    private void postMessage(Context ctx) {
        String id = ctx.pathParam("id");
        JsonNode body = body(ctx);
        JsonNode answer = body.path("answer");
        if (answer.isObject() && answer.size() == 1) {
            Map.Entry<String, JsonNode> only = answer.fields().next();
            if (!only.getValue().isTextual()) {
                throw new BadRequest("'answer' must be {\"question-id\": \"value\"} with a text value.");
            }
            send(ctx, conversations.answer(id, actor(ctx), only.getKey(), only.getValue().asText()), HttpStatus.OK);
        } else if (body.has("text")) {
            send(ctx, conversations.say(id, actor(ctx), text(body, "text")), HttpStatus.OK);
        } else {
            throw new BadRequest("Send {\"text\": \"...\"} or {\"answer\": {\"question-id\": \"value\"}}.");
        }
    }

    private void getCase(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<CaseView> view = conversations.view(id);
        if (view.isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "There is no case " + id + ".");
            return;
        }
        ctx.json(caseJson(view.get()));
    }

    /** The diagnosis JSON plus the stored facts: {@code GET /api/cases/{id}} and {@code GET /cases/{id}.json}. */
    private ObjectNode caseJson(CaseView view) {
        ObjectNode out = jsonView.render(view.reply());
        out.put("created_at", view.stored().createdAt().toString());
        var transcript = out.putArray("facts");
        view.stored().facts().forEach(f -> {
            ObjectNode node = transcript.addObject();
            node.put("seq", f.seq()).put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("at", f.at().toString());
            node.set("data", readTree(f.payload()));
        });
        return out;
    }

    private void permalink(Context ctx) {
        String ref = ctx.pathParam("ref");
        boolean markdown = ref.endsWith(".md");
        boolean asJson = ref.endsWith(".json");
        String id = markdown ? ref.substring(0, ref.length() - 3) : asJson ? ref.substring(0, ref.length() - 5) : ref;
        Optional<CaseView> view = conversations.view(id);
        if (view.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("There is no case.");
            return;
        }
        if (markdown) {
            ctx.contentType("text/markdown; charset=utf-8").result(ticketView.render(view.get()));
        } else if (asJson) {
            ctx.json(caseJson(view.get()));
        } else {
            ctx.header("Content-Security-Policy", PAGE_CSP);
            ctx.html(casePage.render(view.get()));
        }
    }

    /** {@code GET /cases?q=words&page=N}: the case list, newest first, {@value #CASES_PER_PAGE} to a page. */
    private void listCases(Context ctx) {
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        int page = pageNumber(ctx.queryParam("page"));
        // One more than a page, to know whether an "older" link is needed without counting every match.
        var rows = conversations.cases(query, (page - 1) * CASES_PER_PAGE, CASES_PER_PAGE + 1);
        boolean more = rows.size() > CASES_PER_PAGE;
        ctx.header("Content-Security-Policy", PAGE_CSP);
        ctx.html(caseListPage.render(more ? rows.subList(0, CASES_PER_PAGE) : rows, query, page, more));
    }

    /** A page number from the query string; anything that is not a sensible one means the first page. */
    private static int pageNumber(String param) {
        try {
            int page = param == null ? 1 : Integer.parseInt(param.strip());
            return page >= 1 && page <= 100_000 ? page : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void send(Context ctx, TurnOutcome outcome, HttpStatus success) {
        if (outcome instanceof TurnOutcome.Replied r) {
            ctx.status(success).json(jsonView.render(r.reply()));
        } else if (outcome instanceof TurnOutcome.Rejected r) {
            error(ctx, HttpStatus.UNPROCESSABLE_CONTENT, r.message());
        } else if (outcome instanceof TurnOutcome.NoSuchCase n) {
            error(ctx, HttpStatus.NOT_FOUND, "There is no case " + n.caseId() + ".");
        }
    }

    private JsonNode body(Context ctx) {
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

    private JsonNode readTree(String payload) {
        try {
            return json.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored fact is not JSON", e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (!node.isTextual()) {
            throw new BadRequest("'" + field + "' is required and must be a string.");
        }
        return node.asText();
    }

    private static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new BadRequest("'" + field + "' must be a non-empty string when given.");
        }
        return Optional.of(node.asText().strip());
    }

    private static Map<String, String> answers(JsonNode node) {
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

    private static String actor(Context ctx) {
        return "api:" + ctx.ip();
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    /** A request that does not have the documented shape. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}

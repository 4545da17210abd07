package dev.triage.bot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.InboundMessage;
import dev.triage.bot.conversation.Conversations.FeedbackOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.bot.render.JsonView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The conversation calls of the REST API and the web chat. A turn answers at once from the text; probes run in the
 * background and reach the client through {@code GET /api/cases/{id}/events}, or, with {@code ?wait=true}, the
 * call waits for them (at most the probe deadline) and answers with the re-ranked reply.
 */
final class ConversationRoutes {
    private final ChatCore core;
    private final Requests requests;
    private final JsonView jsonView;
    private final Duration waitLimit;

    ConversationRoutes(ChatCore core, ObjectMapper json, Duration waitLimit) {
        this.core = core;
        this.requests = new Requests(json);
        this.jsonView = new JsonView(json);
        this.waitLimit = waitLimit;
    }

    void register(RouteTable routes) {
        routes.post("/api/diagnose", this::diagnose);
        routes.post("/api/cases", this::openCase);
        routes.post("/api/cases/{id}/messages", this::postMessage);
        routes.post("/api/cases/{id}/feedback", this::feedback);
    }

    private void diagnose(Context ctx) {
        JsonNode body = requests.body(ctx);
        String text = Requests.text(body, "text");
        Map<String, String> answers = Requests.answers(body.path("answers"));
        Optional<String> host = Requests.optionalText(body, "host");
        boolean probe = body.path("probes").asBoolean(true);
        TurnOutcome outcome = core.conversations().oneShot(text, answers, host, probe, Requests.identity(ctx));
        send(ctx, outcome, HttpStatus.OK);
    }

    private void openCase(Context ctx) {
        String text = Requests.text(requests.body(ctx), "text");
        ChatCore.Turn turn = core.handle(InboundMessage.text(Requests.identity(ctx), Optional.empty(), text));
        if (turn.outcome() instanceof TurnOutcome.Replied replied) {
            replied.reply().caseId().ifPresent(id -> ctx.header("Location", "/api/cases/" + id));
        }
        answer(ctx, turn, HttpStatus.CREATED);
    }

    private void postMessage(Context ctx) {
        String id = ctx.pathParam("id");
        JsonNode body = requests.body(ctx);
        JsonNode answer = body.path("answer");
        InboundMessage message;
        if (answer.isObject() && answer.size() == 1) {
            Map.Entry<String, JsonNode> only = answer.fields().next();
            if (!only.getValue().isTextual()) {
                throw new BadRequest("'answer' must be {\"question-id\": \"value\"} with a text value.");
            }
            message = InboundMessage.answer(Requests.identity(ctx), id, only.getKey(), only.getValue().asText());
        } else if (body.has("text")) {
            message = InboundMessage.text(Requests.identity(ctx), Optional.of(id), Requests.text(body, "text"));
        } else {
            throw new BadRequest("Send {\"text\": \"...\"} or {\"answer\": {\"question-id\": \"value\"}}.");
        }
        answer(ctx, core.handle(message), HttpStatus.OK);
    }

    private void feedback(Context ctx) {
        JsonNode body = requests.body(ctx);
        String article = Requests.text(body, "article");
        JsonNode step = body.path("step");
        JsonNode worked = body.path("worked");
        if (!step.isInt() || !worked.isBoolean()) {
            throw new BadRequest("Send {\"article\": \"...\", \"step\": 0, \"worked\": true}.");
        }
        FeedbackOutcome outcome = core.conversations().feedback(ctx.pathParam("id"), Requests.identity(ctx), article,
                step.asInt(), worked.asBoolean());
        if (outcome instanceof FeedbackOutcome.Recorded recorded) {
            ctx.json(Map.of("worked", recorded.tally().worked(), "tried", recorded.tally().tried()));
        } else if (outcome instanceof FeedbackOutcome.Rejected rejected) {
            HttpApi.error(ctx, HttpStatus.UNPROCESSABLE_CONTENT, rejected.message());
        } else {
            HttpApi.error(ctx, HttpStatus.NOT_FOUND, "There is no case " + ctx.pathParam("id") + ".");
        }
    }

    /** The turn's reply, or with {@code ?wait=true} the reply the case settles on once its probes end. */
    private void answer(Context ctx, ChatCore.Turn turn, HttpStatus success) {
        if (!"true".equals(ctx.queryParam("wait")) || !(turn.outcome() instanceof TurnOutcome.Replied)) {
            send(ctx, turn.outcome(), success);
            return;
        }
        try {
            Optional<Reply> settled = turn.settled().get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
            send(ctx, new TurnOutcome.Replied(settled.orElseThrow()), success);
        } catch (TimeoutException | ExecutionException e) {
            send(ctx, turn.outcome(), success);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(ctx, turn.outcome(), success);
        }
    }

    private void send(Context ctx, TurnOutcome outcome, HttpStatus success) {
        if (outcome instanceof TurnOutcome.Replied r) {
            ctx.status(success).json(jsonView.render(r.reply()));
        } else if (outcome instanceof TurnOutcome.Rejected r) {
            HttpApi.error(ctx, HttpStatus.UNPROCESSABLE_CONTENT, r.message());
        } else if (outcome instanceof TurnOutcome.CaseFull full) {
            ctx.status(HttpStatus.CONFLICT).json(Map.of("error", full.message(), "case", full.caseId()));
        } else if (outcome instanceof TurnOutcome.NoSuchCase n) {
            HttpApi.error(ctx, HttpStatus.NOT_FOUND, "There is no case " + n.caseId() + ".");
        }
    }
}

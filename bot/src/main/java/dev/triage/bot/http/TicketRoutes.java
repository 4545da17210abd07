package dev.triage.bot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.tickets.TicketOutcome;
import dev.triage.bot.tickets.Tickets;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sending a case to a ticket system ({@code POST /api/cases/{id}/tickets}) and listing the configured ones
 * ({@code GET /api/tickets/targets}), for the web chat's button and for scripts.
 */
final class TicketRoutes {
    private final Tickets tickets;
    private final Requests requests;

    TicketRoutes(Tickets tickets, ObjectMapper json) {
        this.tickets = tickets;
        this.requests = new Requests(json);
    }

    void register(RouteTable routes) {
        routes.post("/api/cases/{id}/tickets", this::send);
        routes.get("/api/tickets/targets", ctx -> ctx.json(Map.of("targets", tickets.targets())));
    }

    private void send(Context ctx) {
        JsonNode body = requests.body(ctx);
        Optional<String> to = Requests.optionalText(body, "to");
        Optional<String> key = Requests.optionalText(body, "key");
        TicketOutcome outcome = tickets.send(ctx.pathParam("id"), to, key);
        if (outcome instanceof TicketOutcome.Sent sent) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("to", sent.link().to());
            out.put("key", sent.link().key());
            out.put("url", sent.link().url());
            out.put("action", sent.action().label());
            ctx.status(HttpStatus.CREATED).json(out);
        } else if (outcome instanceof TicketOutcome.Rejected rejected) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .json(Map.of("error", rejected.message(), "targets", rejected.configured()));
        } else if (outcome instanceof TicketOutcome.Failed failed) {
            HttpApi.error(ctx, HttpStatus.BAD_GATEWAY, failed.message() + ". The case is unchanged; "
                    + (failed.retryable() ? "try again in a moment." : "fix the cause, then send it again."));
        } else if (outcome instanceof TicketOutcome.NoSuchCase none) {
            HttpApi.error(ctx, HttpStatus.NOT_FOUND, "There is no case " + none.caseId() + ".");
        }
    }
}

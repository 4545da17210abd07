package dev.triage.bot.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/**
 * For load balancers and monitoring: {@code GET /ready} (200 when the database answers with the schema this
 * version needs, 503 otherwise or while shutting down; open like {@code /health}, it tells nothing else) and
 * {@code GET /metrics} (Prometheus' text format, behind the API's access setting).
 */
final class OperationsRoutes {
    static final String READY = "/ready";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final Operations operations;

    OperationsRoutes(Operations operations) {
        this.operations = operations;
    }

    void register(RouteTable routes) {
        routes.get(READY, this::ready);
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(operations.scrape()));
    }

    private void ready(Context ctx) {
        Optional<String> problem = operations.notReady();
        if (problem.isPresent()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", "not ready", "reason", problem.get()));
        } else {
            ctx.json(Map.of("status", "ready"));
        }
    }
}

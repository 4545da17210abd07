package dev.triage.bot.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** Registers routes on the server and remembers them, so a test can hold the OpenAPI description to them. */
final class RouteTable {
    private final Javalin app;
    private final List<String> routes = new ArrayList<>();

    RouteTable(Javalin app) {
        this.app = app;
    }

    /** A route: {@code GET /api/cases/{id}}. */
    record Route(String method, String path) {
    }

    void get(String path, Handler handler) {
        app.get(path, handler);
        routes.add("GET " + path);
    }

    void post(String path, Handler handler) {
        app.post(path, handler);
        routes.add("POST " + path);
    }

    void sse(String path, java.util.function.Consumer<io.javalin.http.sse.SseClient> client) {
        app.sse(path, client);
        routes.add("GET " + path);
    }

    List<Route> routes() {
        return routes.stream().map(r -> new Route(r.substring(0, r.indexOf(' ')), r.substring(r.indexOf(' ') + 1)))
                .toList();
    }
}

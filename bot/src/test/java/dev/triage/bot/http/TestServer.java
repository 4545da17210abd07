package dev.triage.bot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Triage's HTTP server in-process on a free loopback port, with a client for its JSON API. Close it to stop both. */
final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BotApplication app;
    private final HttpApi api;
    private final Javalin server;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(BotApplication app) {
        this.app = app;
        this.api = app.httpApi();
        this.server = api.create().start(0);
    }

    static TestServer start(BotConfig config) {
        return new TestServer(BotApplication.create(config.withPort(0)));
    }

    BotApplication app() {
        return app;
    }

    HttpApi api() {
        return api;
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    /** POSTs a JSON body (a string as it is, anything else serialised). */
    HttpResponse<String> post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body))));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            app.close();
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

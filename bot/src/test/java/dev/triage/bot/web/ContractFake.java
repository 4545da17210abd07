package dev.triage.bot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A scripted stand-in for the web chat's HTTP contract (static files, JSON API, SSE), for page behaviour the real
 * server cannot be made to show on demand: every 4xx message, hostile markup in {@code steps_html}, a slow probe
 * ladder. It serves the real page files from the classpath under the production CSP. Test code only.
 */
final class ContractFake implements AutoCloseable {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final List<String> STEPS = List.of("dns", "policy", "tcp", "rdp", "tls", "certificate", "ntlm");

    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final List<String[]> run = new CopyOnWriteArrayList<>();
    private final Javalin server;
    private volatile int stepMillis = 150;
    private volatile boolean running;

    ContractFake() {
        server = Javalin.create(config -> config.showJavalinBanner = false);
        server.get("/", ctx -> file(ctx, "index.html"));
        server.get("/assets/{name}", ctx -> file(ctx, ctx.pathParam("name")));
        server.post("/api/cases", this::open);
        server.post("/api/cases/{id}/messages", this::message);
        server.post("/api/cases/{id}/feedback", ctx -> ctx.json(json.createObjectNode().put("worked", 1).put("tried", 1)));
        server.get("/api/cases/{id}", ctx -> ctx.json(diagnosis(true)));
        server.sse("/api/cases/{id}/events", this::events);
        server.get("/cases/{ref}", ctx -> ctx.html("<!doctype html><title>case</title><h1>Case c1</h1>"));
        server.start("127.0.0.1", 0);
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    private void file(Context ctx, String name) throws IOException {
        try (InputStream in = ContractFake.class.getResourceAsStream("/web/" + name)) {
            if (in == null || name.contains("/")) {
                ctx.status(404).result("no such file");
                return;
            }
            String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
            ctx.header("Content-Security-Policy", CSP).contentType(type + "; charset=utf-8").result(in.readAllBytes());
        }
    }

    private void open(Context ctx) throws IOException {
        String text = json.readTree(ctx.body()).path("text").asText();
        if (text.contains("too-long")) {
            ctx.status(413).json(error("The paste is 1048577 characters; the limit is 1048576."));
        } else if (text.contains("too-fast")) {
            ctx.status(429).json(error("Slow down: at most 30 messages a minute."));
        } else if (text.contains("nothing")) {
            ctx.status(422).json(error("There is nothing to diagnose in that text."));
        } else {
            ObjectNode reply = base(false);
            reply.put("message", text.length() > 40 ? null : "You said: " + text);
            ArrayNode questions = reply.putArray("questions");
            ObjectNode q = questions.addObject().put("id", "environment").put("text", "Where does the remote computer run?");
            q.putArray("options").add(option("azure", "Azure VM")).add(option("on-premises", "On-premises"));
            ctx.status(201).json(reply);
        }
    }

    private void message(Context ctx) throws IOException {
        JsonNode body = json.readTree(ctx.body());
        if (body.has("answer")) {
            ObjectNode reply = base(false);
            reply.putArray("questions").addObject().put("id", "target-host")
                    .put("text", "Which computer are you connecting to (name or IP, optionally :port)?")
                    .putArray("options");
            ctx.json(reply);
            return;
        }
        ObjectNode reply = base(true);
        reply.put("host", body.path("text").asText());
        startRun();
        ctx.json(reply);
    }

    /** Like the real server, a run is in flight from the moment the reply says {@code probing: true}. */
    private void startRun() {
        run.clear();
        running = true;
        long at = 50;
        for (String step : STEPS) {
            boolean ok = !step.equals("certificate");
            String status = switch (step) {
                case "dns" -> "RESOLVED";
                case "policy" -> "ALLOWED";
                case "tcp" -> "CONNECTED";
                case "certificate" -> "EXPIRED";
                case "ntlm" -> "NOT_OFFERED";
                default -> "OK";
            };
            ObjectNode started = json.createObjectNode().put("phase", "started").put("name", step);
            ObjectNode done = json.createObjectNode().put("phase", "done").put("name", step).put("status", status)
                    .put("ok", ok).put("summary", step + " <b>said</b> " + status).put("elapsed_ms", stepMillis);
            emitAt(at, "step", started);
            at += stepMillis;
            emitAt(at, "step", done);
        }
        emitAt(at + 50, "reply", diagnosis(false));
        clock.schedule(() -> running = false, at + 55, TimeUnit.MILLISECONDS);
        emitAt(at + 60, "idle", json.createObjectNode());
    }

    private void emitAt(long millis, String event, ObjectNode data) {
        clock.schedule(() -> {
            synchronized (this) {
                String payload = data.toString();
                run.add(new String[] {event, payload});
                clients.forEach(c -> c.sendEvent(event, payload));
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private synchronized void events(SseClient client) {
        client.keepAlive();
        run.forEach(e -> client.sendEvent(e[0], e[1]));
        if (!running) {
            client.sendEvent("idle", "{}");
        }
        clients.add(client);
        client.onClose(() -> clients.remove(client));
    }

    private ObjectNode base(boolean probing) {
        ObjectNode reply = json.createObjectNode().put("case", "c1").put("probing", probing);
        reply.putNull("host");
        reply.putNull("message");
        ArrayNode codes = reply.putArray("codes");
        codes.addObject().put("code", "0x904").put("kind", "mstsc-disconnect").put("name", "Network error")
                .put("meaning", "The <connection> failed").put("known", true);
        ArrayNode causes = reply.putArray("causes");
        cause(causes, "network.blocked", "A firewall blocks port 3389", 0.5, "The code 0x904 <i>says</i> so");
        cause(causes, "cert.expired", "The server's certificate has expired", 0.3, "Extended code 0x7");
        cause(causes, "server.down", "The server is down", 0.1, "weak");
        cause(causes, "fourth", "Not shown", 0.05, "-");
        ArrayNode fixes = reply.putArray("fixes");
        ObjectNode fix = fixes.addObject().put("cause", "network.blocked").put("article", "rdp-firewall");
        fix.putArray("steps").add("Run `Test-NetConnection host -Port 3389`.").add("Open the port.");
        fix.putArray("steps_html").add("<p>Run <code>Test-NetConnection host -Port 3389</code>.</p>"
                        + "<img src=\"x\" onerror=\"alert(1)\"><script>alert(2)</script>"
                        + "<a href=\"javascript:alert(3)\">bad link</a>")
                .add("<p>Open the port:</p><pre><code>netsh advfirewall firewall set rule group=\"remote desktop\" "
                        + "new enable=Yes</code></pre>");
        ArrayNode stats = fix.putArray("stats");
        stats.addObject().put("worked", 0).put("tried", 0);
        stats.addObject().put("worked", 3).put("tried", 4);
        reply.putArray("questions");
        reply.putArray("probes");
        reply.putArray("notices");
        reply.putObject("links").put("page", "/cases/c1").put("markdown", "/cases/c1.md");
        return reply;
    }

    private ObjectNode diagnosis(boolean quiet) {
        ObjectNode reply = base(false);
        reply.put("host", "127.0.0.1:3389");
        ArrayNode causes = reply.putArray("causes");
        cause(causes, "cert.expired", "The server's certificate has expired", 0.9,
                "certificate probe: expired on 2021-01-01");
        ObjectNode fix = reply.putArray("fixes").addObject().put("cause", "cert.expired").put("article", "rdp-cert");
        fix.putArray("steps").add("Renew it.");
        fix.putArray("steps_html").add("<p>Renew it with <code>certlm.msc</code>.</p>");
        fix.putArray("stats").addObject().put("worked", 0).put("tried", 0);
        ArrayNode probes = reply.putArray("probes");
        for (String step : STEPS) {
            probes.addObject().put("name", step).put("status", step.equals("certificate") ? "EXPIRED" : "OK")
                    .put("ok", !step.equals("certificate")).put("summary", quiet ? "" : step + " final")
                    .put("elapsed_ms", 3).putObject("details").put("notAfter", "2021-01-01T00:00:00Z");
        }
        return reply;
    }

    private void cause(ArrayNode causes, String id, String title, double confidence, String evidence) {
        ObjectNode c = causes.addObject().put("id", id).put("title", title).put("confidence", confidence);
        c.putArray("evidence").addObject().put("text", evidence).put("rule", "rule for " + id).put("weight", 10);
    }

    private ObjectNode option(String value, String label) {
        return json.createObjectNode().put("value", value).put("label", label);
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    @Override
    public void close() {
        clock.shutdownNow();
        clients.forEach(SseClient::close);
        server.stop();
    }
}

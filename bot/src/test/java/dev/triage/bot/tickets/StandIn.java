package dev.triage.bot.tickets;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for a ticket system: records every request it gets and answers from a script, in order (the last
 * scripted answer repeats). Listens on 127.0.0.1, port 0.
 */
final class StandIn implements AutoCloseable {
    /** One request as received. */
    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A scripted answer, given after {@code delayMs}. */
    record Answer(int status, String body, long delayMs) {
        static Answer json(int status, String body) {
            return new Answer(status, body, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private OAuth oauth;
    private final List<String> issued = new ArrayList<>();
    private final java.util.Set<String> valid = new java.util.HashSet<>();

    /** The client credentials ServiceNow's token endpoint accepts, and the lifetime it gives tokens. */
    private record OAuth(String clientId, String clientSecret, long expiresIn) {
    }

    StandIn(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            Answer answer;
            synchronized (this) {
                Received request = new Received(exchange.getRequestMethod(), target,
                        Map.copyOf(exchange.getRequestHeaders()), body);
                received.add(request);
                answer = oauth == null ? null : oauthAnswer(request);
                if (answer == null) {
                    answer = script.size() > 1 ? script.removeFirst() : script.getFirst();
                }
            }
            try {
                Thread.sleep(answer.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException e) {
                // The client gave up waiting (the timeout tests); nothing to answer.
            }
        });
        server.start();
    }

    /**
     * Acts as ServiceNow's OAuth server too: {@code POST /oauth_token.do} with the client-credentials form issues a
     * new bearer token, and any other request without a token issued and not revoked is answered 401 (in ServiceNow's
     * error shape) before the script is consulted.
     */
    synchronized StandIn withOAuth(String clientId, String clientSecret, long expiresIn) {
        oauth = new OAuth(clientId, clientSecret, expiresIn);
        return this;
    }

    /** Forgets every token issued so far, as a restarted instance or a revocation would. */
    synchronized void revokeTokens() {
        valid.clear();
    }

    synchronized List<String> tokensIssued() {
        return List.copyOf(issued);
    }

    private Answer oauthAnswer(Received request) {
        if (request.pathAndQuery().equals("/oauth_token.do")) {
            Map<String, String> form = form(request.body());
            boolean ok = request.method().equals("POST") && "client_credentials".equals(form.get("grant_type"))
                    && oauth.clientId().equals(form.get("client_id"))
                    && oauth.clientSecret().equals(form.get("client_secret"));
            if (!ok) {
                return Answer.json(401, "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}");
            }
            String token = "tok-" + (issued.size() + 1) + "-" + Long.toHexString(System.nanoTime());
            issued.add(token);
            valid.add(token);
            return Answer.json(200, "{\"access_token\":\"" + token + "\",\"scope\":\"useraccount\",\"token_type\":"
                    + "\"Bearer\",\"expires_in\":" + oauth.expiresIn() + "}");
        }
        String auth = request.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !valid.contains(auth.substring(7))) {
            return Answer.json(401, "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to"
                    + " provide Auth information\"},\"status\":\"failure\"}");
        }
        return null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** Adds answers to the end of the script. */
    synchronized void then(Answer... answers) {
        script.addAll(List.of(answers));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

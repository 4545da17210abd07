package dev.triage.bot.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server listens and who may use it.
 *
 * @param bind           the address to listen on; the default, 127.0.0.1, reaches only this machine
 * @param accessToken    a bearer token every request must carry ({@code TRIAGE_ACCESS_TOKEN}); environment only
 * @param users          user name to password for basic authentication ({@code TRIAGE_ACCESS_USERS=alice:pw,...});
 *                       environment only
 * @param trustedProxies address blocks of reverse proxies whose {@code X-Forwarded-For} names the client
 * @param threads        request threads; requests beyond them wait in a first-come queue
 */
public record HttpSettings(
        String bind, Optional<String> accessToken, Map<String, String> users, List<String> trustedProxies,
        int threads) {
    public static final String LOOPBACK = "127.0.0.1";

    public HttpSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(accessToken, "accessToken");
        users = Map.copyOf(users);
        trustedProxies = List.copyOf(trustedProxies);
        if (threads < 8 || threads > 1000) {
            throw new ConfigException("http.threads must be between 8 and 1000, not " + threads);
        }
        if (accessToken.isPresent() && accessToken.get().length() < 16) {
            throw new ConfigException("TRIAGE_ACCESS_TOKEN must be at least 16 characters long");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(LOOPBACK, Optional.empty(), Map.of(), List.of(), 16);
    }

    /** Whether anything is required of a request: a token or a user. */
    public boolean accessRequired() {
        return accessToken.isPresent() || !users.isEmpty();
    }

    /** Whether the server is reachable only from this machine. */
    public boolean loopbackOnly() {
        return bind.equals(LOOPBACK) || bind.equals("localhost") || bind.equals("::1") || bind.startsWith("127.");
    }

    public HttpSettings withBind(String address) {
        return new HttpSettings(address, accessToken, users, trustedProxies, threads);
    }

    @Override
    public String toString() {
        // Secrets never reach logs through a toString.
        return "HttpSettings[bind=" + bind + ", token=" + (accessToken.isPresent() ? "set" : "none") + ", users="
                + users.keySet() + ", trustedProxies=" + trustedProxies + ", threads=" + threads + "]";
    }
}

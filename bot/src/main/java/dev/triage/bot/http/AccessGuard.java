package dev.triage.bot.http;

import dev.triage.bot.config.HttpSettings;
import dev.triage.probes.AddressBlock;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lets a request in when it carries the configured bearer token or a configured user's basic credentials, and
 * works out the client's address (from {@code X-Forwarded-For} only when the peer is a trusted proxy). With no
 * access configured (the loopback default) every request is let in. Secrets are compared in constant time and never
 * logged.
 */
final class AccessGuard {
    private static final String REALM = "Basic realm=\"Triage\", charset=\"UTF-8\"";
    private final HttpSettings settings;
    private final List<AddressBlock> proxies;
    private final Set<String> signedPaths;

    /**
     * @param signedPaths paths whose requests a chat platform signs (Slack's events): the endpoint verifies the
     *                    signature, and Slack cannot send Triage's credentials, so these are let through here
     */
    AccessGuard(HttpSettings settings, Set<String> signedPaths) {
        this.settings = settings;
        this.signedPaths = Set.copyOf(signedPaths);
        this.proxies = settings.trustedProxies().stream().map(p -> AddressBlock.parse(p).orElseThrow()).toList();
    }

    /** Sets the client address and principal on the request, or answers 401 and stops it. */
    void check(Context ctx) {
        ctx.attribute(Requests.CLIENT_ADDRESS, clientAddress(ctx));
        // Load balancers probe /health and /ready without credentials; both tell only up or down.
        boolean probe = ctx.path().equals("/health") || ctx.path().equals(OperationsRoutes.READY);
        if (!settings.accessRequired() || probe || signedByPlatform(ctx)) {
            return;
        }
        Optional<String> principal = principal(ctx.header("Authorization"));
        if (principal.isEmpty()) {
            ctx.header("WWW-Authenticate", settings.users().isEmpty() ? "Bearer realm=\"Triage\"" : REALM);
            ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error",
                    "This Triage needs credentials: a bearer token or a user name and password."));
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(Requests.PRINCIPAL, principal.get());
    }

    /** Only the POST a platform sends is exempt; any other method on the path still needs credentials. */
    private boolean signedByPlatform(Context ctx) {
        return ctx.method().name().equals("POST") && signedPaths.contains(ctx.path());
    }

    private Optional<String> principal(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7) && settings.accessToken().isPresent()) {
            return equal(authorization.substring(7).strip(), settings.accessToken().get())
                    ? Optional.of("token") : Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).strip());
        }
        return Optional.empty();
    }

    private Optional<String> basic(String encoded) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = pair.substring(0, colon);
        String expected = settings.users().get(user);
        // Compare against something even for an unknown user, so timing does not tell which users exist.
        boolean ok = equal(pair.substring(colon + 1), expected == null ? "\u0000unknown-user" : expected);
        return ok && expected != null ? Optional.of(user) : Optional.empty();
    }

    private static boolean equal(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** The peer, or, when the peer is a trusted proxy, the nearest address in X-Forwarded-For that is not one. */
    private String clientAddress(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!trusted(hop)) {
                return hop.length() <= 64 ? hop : peer;
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        return proxies.stream().anyMatch(block -> block.contains(address));
    }
}

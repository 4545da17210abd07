package dev.triage.bot.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses state-changing requests that a browser sent on behalf of another site: a browser's {@code Sec-Fetch-Site}
 * must not be {@code cross-site}, and an {@code Origin} must be this server's own or its public URL's. Browsers send
 * at least one of the two on every cross-site POST, forms included; clients that are not browsers (curl, scripts)
 * send neither and carry no ambient credentials to abuse. A request that browsers would send without a preflight
 * (a form's content type) must come with an {@code Origin}, so a browser that omits both headers cannot be used.
 */
final class CsrfGuard {
    private final String publicOrigin;

    CsrfGuard(String publicUrl) {
        this.publicOrigin = origin(publicUrl);
    }

    void check(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        String contentType = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
        boolean formLike = contentType.startsWith("application/x-www-form-urlencoded")
                || contentType.startsWith("multipart/form-data") || contentType.startsWith("text/plain");
        if (formLike && ctx.header("Cookie") != null && ctx.header("Origin") == null) {
            refuse(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            refuse(ctx, HttpStatus.FORBIDDEN, "Requests from other sites are not accepted.");
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals(origin(ctx.scheme() + "://" + ctx.host())) && !origin.equals(publicOrigin)) {
            refuse(ctx, HttpStatus.FORBIDDEN, "Requests from other sites are not accepted.");
        }
    }

    private static void refuse(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
        ctx.skipRemainingHandlers();
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}

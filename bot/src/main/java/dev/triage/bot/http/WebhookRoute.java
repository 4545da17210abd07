package dev.triage.bot.http;

import dev.triage.bot.chat.Webhook;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Hands a platform's request to its {@link Webhook} untouched (raw body bytes, every header) and sends the answer. */
final class WebhookRoute {
    private WebhookRoute() {
    }

    static void serve(Webhook webhook, Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(Collections.list(ctx.req().getHeaders(name))));
        }
        String address = String.valueOf((Object) ctx.attribute(Requests.CLIENT_ADDRESS));
        Webhook.Response response = webhook.handle(new Webhook.Request(headers, ctx.bodyAsBytes(), address));
        response.headers().forEach((name, values) -> values.forEach(value -> ctx.header(name, value)));
        ctx.status(response.status()).contentType(response.contentType()).result(response.body());
    }
}

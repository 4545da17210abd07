package dev.triage.bot.http;

import dev.triage.bot.BotException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A small text file from the jar, read once at startup and served with a fixed type. */
record StaticAsset(String contentType, String body) {

    /** Fails at startup, not on the first request, when the file is missing from the jar. */
    static StaticAsset load(String classpath, String contentType) {
        try (InputStream in = StaticAsset.class.getResourceAsStream(classpath)) {
            if (in == null) {
                throw new BotException("the jar has no " + classpath);
            }
            return new StaticAsset(contentType, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BotException("cannot read " + classpath + " from the jar", e);
        }
    }

    void serve(Context ctx) {
        // An hour: long enough for browsing a list of cases, short enough that a new release's style shows up soon.
        ctx.header("Cache-Control", "public, max-age=3600").contentType(contentType).result(body);
    }
}

package dev.triage.bot.bench;

import dev.triage.bot.config.BotConfig;
import java.util.Map;

/**
 * What differs between the chat platforms in {@link AckBenchmark}: the stand-in of the platform's API that the
 * conversations answer to, the settings that point Triage at it, and how one request is built and signed. Everything
 * else (the clients, the timing, the CPU accounting, waiting for the answers) lives once in the driver.
 */
public interface AckPlatform extends AutoCloseable {
    /** A request as the platform sends it: the body and the headers that sign or authorise it. */
    record SignedPost(Map<String, String> headers, byte[] body) {
    }

    /** The platform's name in the printed summary. */
    String name();

    /** {@code base} with this platform switched on and its API pointed at the stand-in. */
    BotConfig configure(BotConfig base);

    /** The endpoint's path on Triage's server. */
    String path();

    /** The {@code n}th request: a new conversation with the 0x904/0x7 dialog, signed now. */
    SignedPost request(int n);

    /** Whether a response is the acknowledgement the platform waits for. */
    boolean acknowledged(int status, String body);

    /** Whether each request opens a conversation whose answer is waited for. */
    default boolean opensConversations() {
        return true;
    }

    /** The conversations' answers that reached the stand-in so far. */
    int answers();

    @Override
    void close() throws Exception;
}

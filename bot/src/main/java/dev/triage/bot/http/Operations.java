package dev.triage.bot.http;

import java.time.Duration;
import java.util.Optional;

/**
 * What the operations endpoints report ({@code /ready}, {@code /metrics}) and what the server tells them about each
 * request. Implementations are thread-safe.
 */
public interface Operations {
    /** Reports ready, no metrics: for servers built without a database, as some tests build them. */
    Operations NONE = new Operations() {
        @Override
        public Optional<String> notReady() {
            return Optional.empty();
        }

        @Override
        public boolean draining() {
            return false;
        }

        @Override
        public String scrape() {
            return "";
        }

        @Override
        public void requestEnded(String method, String route, int status, Duration took, boolean platform) {
        }
    };

    /** Empty while this instance should get traffic; otherwise why not (database unreachable, shutting down). */
    Optional<String> notReady();

    /** Whether the instance is shutting down: it finishes what runs and refuses new work. */
    boolean draining();

    /** The metrics in Prometheus' text format. */
    String scrape();

    /**
     * A request ended; {@code route} is the route's template, never the path, which holds case ids, and
     * {@code platform} says it came to a chat platform's endpoint (which verifies its signature itself).
     */
    void requestEnded(String method, String route, int status, Duration took, boolean platform);
}

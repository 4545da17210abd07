package dev.triage.bot.ops;

import dev.triage.bot.chat.TurnObserver;
import dev.triage.bot.http.Operations;
import dev.triage.bot.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;

/**
 * Readiness, metrics and draining of one instance. The meters: {@code triage_turns_seconds} (by outcome),
 * {@code triage_probe_steps_total} (by step and status), {@code triage_http_requests_seconds} (by route template
 * and status), {@code triage_webhook_verifications_refused_total}, {@code triage_ticket_pushes_failed_total} and
 * {@code triage_db_connections_active}/{@code _max}. No meter carries a case id, a user or pasted text.
 */
public final class ServerOperations implements Operations, TurnObserver {
    private static final String TICKETS_ROUTE = "/api/cases/{id}/tickets";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Database database;
    private volatile boolean draining;

    public ServerOperations(Database database) {
        this.database = database;
        Gauge.builder("triage.db.connections.active", database, Database::connectionsInUse)
                .description("database connections lent out").register(registry);
        Gauge.builder("triage.db.connections.max", database, Database::maxConnections)
                .description("the most database connections the pool opens").register(registry);
    }

    /** From now on new work is refused and {@code /ready} says so; what runs finishes. */
    public void drain() {
        draining = true;
    }

    @Override
    public boolean draining() {
        return draining;
    }

    @Override
    public Optional<String> notReady() {
        return draining ? Optional.of("shutting down") : database.notReady();
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void requestEnded(String method, String route, int status, Duration took, boolean platform) {
        String template = route == null || route.isEmpty() ? "unmatched" : route;
        Timer.builder("triage.http.requests").tag("method", method).tag("route", template)
                .tag("status", Integer.toString(status)).register(registry).record(took);
        if (platform && (status == 401 || status == 403)) {
            Counter.builder("triage.webhook.verifications.refused").tag("route", template).register(registry)
                    .increment();
        }
        if (template.equals(TICKETS_ROUTE) && status == 502) {
            Counter.builder("triage.ticket.pushes.failed").register(registry).increment();
        }
    }

    @Override
    public void turnEnded(String outcome, Duration took) {
        Timer.builder("triage.turns").tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(took);
    }

    @Override
    public void probeStepEnded(String step, String status) {
        Counter.builder("triage.probe.steps").tag("step", step).tag("status", status).register(registry)
                .increment();
    }
}

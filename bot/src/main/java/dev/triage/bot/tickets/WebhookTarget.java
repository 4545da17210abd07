package dev.triage.bot.tickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.config.TicketSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A generic webhook: the case JSON ({@code GET /cases/{id}.json}) is POSTed with an {@link WebhookSignature}. A
 * receiver may answer {@code {"key": "...", "url": "..."}} to name the ticket it made; otherwise the case id and
 * permalink stand for it. Sending again carries {@code X-Triage-Ticket: <key>}. Timeouts, lost connections and 5xx
 * answers are retried with exponential backoff and jitter, three attempts in all: receivers should treat the
 * delivery as at-least-once and use {@code X-Triage-Delivery} to drop duplicates.
 */
final class WebhookTarget implements TicketTarget {
    static final int ATTEMPTS = 3;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final TicketSettings.Webhook settings;
    private final Remote remote;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration backoff;

    /** @param backoff the wait before the second attempt; the third waits twice as long, each plus up to 50% jitter */
    WebhookTarget(TicketSettings.Webhook settings, Remote remote, ObjectMapper json, Clock clock, Duration backoff) {
        this.settings = settings;
        this.remote = remote;
        this.json = json;
        this.clock = clock;
        this.backoff = backoff;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean validKey(String key) {
        return KEY.matcher(key).matches();
    }

    @Override
    public TicketResult send(TicketContent content, Optional<String> existing) {
        String delivery = java.util.UUID.randomUUID().toString();
        Remote.Answer answer = remote.send(request(content, existing, delivery));
        int attempts = 1;
        while (retryable(answer) && attempts < ATTEMPTS && pause(attempts + 1)) {
            answer = remote.send(request(content, existing, delivery));
            attempts++;
        }
        if (answer instanceof Remote.Answer.Answered ok && ok.ok()) {
            return success(content, existing, ok.body());
        }
        if (answer instanceof Remote.Answer.Answered a) {
            return new TicketResult.Failed(remote.failure(a, "TICKET_WEBHOOK_SECRET")
                    + (attempts > 1 ? " (" + attempts + " attempts)" : ""), a.status() >= 500 || a.status() == 429);
        }
        return new TicketResult.Failed(((Remote.Answer.Unreachable) answer).reason()
                + (attempts > 1 ? " (" + attempts + " attempts)" : ""), true);
    }

    private HttpRequest.Builder request(TicketContent content, Optional<String> existing, String delivery) {
        String body = content.caseJson();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url()))
                .header("Content-Type", "application/json")
                .header("X-Triage-Case", content.caseId())
                .header("X-Triage-Delivery", delivery)
                .header(WebhookSignature.HEADER,
                        WebhookSignature.header(settings.secret(), clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        existing.ifPresent(key -> request.header("X-Triage-Ticket", key));
        return request;
    }

    private static boolean retryable(Remote.Answer answer) {
        return answer instanceof Remote.Answer.Unreachable
                || (answer instanceof Remote.Answer.Answered a && (a.status() >= 500 || a.status() == 429));
    }

    /** Waits before an attempt; false when interrupted, which ends the retries. */
    private boolean pause(int attempt) {
        long base = backoff.toMillis() << (attempt - 2);
        long jitter = base <= 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            Thread.sleep(base + jitter);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The receiver's key and link when it gave usable ones, else the case's own. */
    private TicketResult success(TicketContent content, Optional<String> existing, String body) {
        JsonNode said = read(body);
        String key = existing.orElseGet(() -> Optional.of(said.path("key").asText("")).filter(this::validKey)
                .orElse(content.caseId()));
        String url = Optional.of(said.path("url").asText("")).filter(u -> u.startsWith("https://")
                || u.startsWith("http://")).filter(u -> u.length() <= 2000).orElse(content.caseUrl());
        return existing.isPresent() ? new TicketResult.Commented(key, url) : new TicketResult.Created(key, url);
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            return node == null ? json.missingNode() : node;
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }
}

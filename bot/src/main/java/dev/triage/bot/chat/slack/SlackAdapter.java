package dev.triage.bot.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.SignedRequest;
import dev.triage.bot.chat.Webhook;
import dev.triage.bot.config.SlackSettings;
import dev.triage.bot.store.PlatformStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Events API, interactivity and slash command on one signed endpoint, {@code POST /slack/events}, and over
 * Socket Mode when an app-level token is configured: one Bolt app with one set of handlers serves both. Each HTTP
 * request is checked against the signing secret on its raw bytes first (401 and nothing stored when it fails; always
 * 401 without a secret), then handed to Bolt, whose handlers only queue the work, so Slack gets its answer well
 * within 3 s.
 */
public final class SlackAdapter implements Webhook, AutoCloseable {
    public static final String PATH = "/slack/events";
    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);

    private final Optional<SlackSignature> signature;
    private final Slack slack;
    private final App app;
    private final SlackRequestParser parser;
    private final Optional<SlackSocketMode> socketMode;

    /**
     * @param worker runs conversations after their request was acknowledged: this platform's queue of the
     *               shared {@link dev.triage.bot.chat.TurnWorkers}
     */
    public SlackAdapter(SlackSettings settings, String publicUrl, ChatCore core, PlatformStore store,
            Executor worker, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("Slack is not configured: " + settings);
        }
        this.signature = settings.signingSecret().map(secret -> new SlackSignature(secret, clock));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        this.slack = Slack.getInstance(config);
        String token = settings.botToken().orElseThrow();
        this.app = new App(AppConfig.builder().singleTeamBotToken(token)
                .signingSecret(settings.signingSecret().orElse(null)).slack(slack)
                // Events Triage has no handler for are acknowledged, so Slack does not send them again.
                .allEventsApiAutoAckEnabled(true).subtypedMessageEventsAutoAckEnabled(true)
                // SlackSignature has checked every HTTP request before Bolt sees it, more strictly than Bolt would
                // (future timestamps, constant time); socket envelopes are never checked. A second HMAC per request
                // would only add to the acknowledgement.
                .requestVerificationEnabled(false)
                // The bot's identity, from auth.test at start-up, does not change while its token lives; re-asking
                // every 10 minutes would hold up the acknowledgement that happens to come then.
                .authTestCacheExpirationMillis(-1)
                .build());
        this.parser = new SlackRequestParser(app.config());
        SlackApi api = new SlackApi(slack.methods(token));
        Optional<SlackChannels> privateHosts = settings.privateHosts() ? Optional.of(new SlackChannels(api))
                : Optional.empty();
        SlackConversations conversations = new SlackConversations(core, store, api, new SlackBlocks(publicUrl),
                worker, settings.allowedUsers(), privateHosts);
        new SlackHandlers(conversations, store, api, worker).register(app);
        this.socketMode = settings.appToken().map(appToken -> new SlackSocketMode(appToken, app));
    }

    /** Opens the Socket Mode connection when an app token is configured; throws when Slack refuses it. */
    public void connect() {
        socketMode.ifPresent(SlackSocketMode::connect);
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public Response handle(Request request) {
        if (signature.isEmpty()) {
            // Without the signing secret nothing can be verified; BotApplication does not even mount the path then.
            return Response.json(401, "{\"error\":\"The request is not signed by Slack.\"}");
        }
        SignedRequest.Verdict verdict = signature.get().verify(request.header("X-Slack-Request-Timestamp"),
                request.header("X-Slack-Signature"), request.body());
        if (verdict instanceof SignedRequest.Verdict.Refused refused) {
            LOG.info("slack: refused a request from {}: {}", request.remoteAddress(), refused.reason());
            return Response.json(401, "{\"error\":\"The request is not signed by Slack.\"}");
        }
        SlackRequestParser.HttpRequest raw = SlackRequestParser.HttpRequest.builder().requestUri(PATH)
                .queryString(Map.of()).headers(new RequestHeaders(request.headers()))
                .requestBody(new String(request.body(), StandardCharsets.UTF_8))
                .remoteAddress(request.remoteAddress()).build();
        try {
            com.slack.api.bolt.response.Response answer = app.run(parser.parse(raw));
            String contentType = answer.getContentType() == null ? "text/plain; charset=utf-8"
                    : answer.getContentType();
            Map<String, List<String>> headers = answer.getHeaders() == null ? Map.of() : answer.getHeaders();
            return new Response(answer.getStatusCode(), contentType,
                    answer.getBody() == null ? "" : answer.getBody(), headers);
        } catch (Exception e) {
            LOG.error("slack: a signed request could not be handled", e);
            // X-Slack-No-Retry: the same request would fail the same way.
            return new Response(500, "application/json", "{\"error\":\"Triage failed to handle this request.\"}",
                    Map.of("X-Slack-No-Retry", List.of("1")));
        }
    }

    @Override
    public void close() {
        socketMode.ifPresent(SlackSocketMode::close);
        app.stop();
        try {
            slack.close();
        } catch (Exception e) {
            LOG.debug("closing the Slack client failed: {}", e);
        }
    }
}

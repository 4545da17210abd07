package dev.triage.bot.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.Webhook;
import dev.triage.bot.config.SlackSettings;
import dev.triage.bot.store.PlatformStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Events API, interactivity and slash command on one signed endpoint, {@code POST /slack/events}. Each request
 * is checked against the signing secret on its raw bytes first (401 and nothing stored when it fails), then handed
 * to Bolt, whose handlers only record the delivery and queue the work, so Slack gets its answer well within 3 s.
 */
public final class SlackAdapter implements Webhook, AutoCloseable {
    public static final String PATH = "/slack/events";
    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);

    private final SlackSignature signature;
    private final Slack slack;
    private final App app;
    private final SlackRequestParser parser;

    /**
     * @param worker runs conversations after their request was acknowledged; its size bounds the Slack work done
     *               at once
     */
    public SlackAdapter(SlackSettings settings, String publicUrl, ChatCore core, PlatformStore store,
            ExecutorService worker, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("Slack is not configured: " + settings);
        }
        String secret = settings.signingSecret().orElseThrow();
        this.signature = new SlackSignature(secret, clock);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        this.slack = Slack.getInstance(config);
        String token = settings.botToken().orElseThrow();
        this.app = new App(AppConfig.builder().singleTeamBotToken(token).signingSecret(secret).slack(slack)
                // Events Triage has no handler for are acknowledged, so Slack does not send them again.
                .allEventsApiAutoAckEnabled(true).subtypedMessageEventsAutoAckEnabled(true).build());
        this.parser = new SlackRequestParser(app.config());
        SlackApi api = new SlackApi(slack.methods(token));
        SlackConversations conversations = new SlackConversations(core, store, api, new SlackBlocks(publicUrl),
                worker, settings.allowedUsers());
        new SlackHandlers(conversations, store, api, worker).register(app);
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public Response handle(Request request) {
        SlackSignature.Verdict verdict = signature.verify(request.header("X-Slack-Request-Timestamp"),
                request.header("X-Slack-Signature"), request.body());
        if (verdict instanceof SlackSignature.Verdict.Refused refused) {
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
        app.stop();
        try {
            slack.close();
        } catch (Exception e) {
            LOG.debug("closing the Slack client failed: {}", e.toString());
        }
    }
}

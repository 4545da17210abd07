package dev.triage.bot.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Web API methods Triage calls, with Slack's rate limit honoured: an HTTP 429 is tried again after its
 * {@code Retry-After}, a few times. A call that still fails is logged and reported as empty; a conversation goes on
 * without the one message rather than failing. Called off the request threads (it may sleep).
 */
final class SlackApi {
    private static final Logger LOG = LoggerFactory.getLogger(SlackApi.class);
    private static final int ATTEMPTS = 4;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final MethodsClient client;

    SlackApi(MethodsClient client) {
        this.client = client;
    }

    /** Posts in a thread; the new message's ts, to edit it later. */
    Optional<String> post(String channel, String threadTs, SlackMessage message) {
        return call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                .text(message.text()).blocks(message.blocks()).unfurlLinks(false).unfurlMedia(false)))
                .map(response -> response.getTs());
    }

    /** Posts at the top of a channel (the slash command's case starts a thread of its own). */
    Optional<String> postTop(String channel, SlackMessage message) {
        return call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(channel).text(message.text())
                .blocks(message.blocks()).unfurlLinks(false).unfurlMedia(false)))
                .map(response -> response.getTs());
    }

    boolean update(String channel, String ts, SlackMessage message) {
        return call("chat.update", () -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(message.text())
                .blocks(message.blocks()))).isPresent();
    }

    /** Opens a modal for the user who triggered {@code triggerId} (valid for 3 s after their action). */
    boolean openModal(String triggerId, com.slack.api.model.view.View view) {
        return call("views.open", () -> client.viewsOpen(r -> r.triggerId(triggerId).view(view))).isPresent();
    }

    /** A message only {@code user} sees, in the thread. */
    boolean whisper(String channel, String user, String threadTs, String text) {
        return call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(channel).user(user)
                .threadTs(threadTs).text(text))).isPresent();
    }

    /** A message with blocks only {@code user} sees, in the thread. */
    boolean whisper(String channel, String user, String threadTs, SlackMessage message) {
        return call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(channel).user(user)
                .threadTs(threadTs).text(message.text()).blocks(message.blocks()))).isPresent();
    }

    /**
     * Whether only its members see the conversation (a private channel, a DM, a group DM); empty when Slack did not
     * say (the call failed, or the app lacks the {@code channels:read} scope).
     */
    Optional<Boolean> membersOnly(String channel) {
        return call("conversations.info", () -> client.conversationsInfo(r -> r.channel(channel)))
                .flatMap(response -> Optional.ofNullable(response.getChannel()))
                .map(c -> c.isPrivate() || c.isIm() || c.isMpim());
    }

    /** One Web API call. */
    @FunctionalInterface
    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> Optional<T> call(String method, Call<T> call) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                T response = call.run();
                if (response.isOk()) {
                    return Optional.of(response);
                }
                LOG.warn("slack {} failed: {}", method, response.getError());
                return Optional.empty();
            } catch (SlackApiException e) {
                if (e.getResponse().code() != 429 || attempt == ATTEMPTS) {
                    LOG.warn("slack {} failed with HTTP {}", method, e.getResponse().code());
                    return Optional.empty();
                }
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                LOG.info("slack {} is rate limited; trying again in {} s", method, wait.toSeconds());
                if (!sleep(wait)) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                LOG.warn("slack {} failed: {}", method, e);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Duration retryAfter(String header) {
        try {
            long seconds = header == null ? 1 : Long.parseLong(header.strip());
            Duration wait = Duration.ofSeconds(Math.max(1, seconds));
            return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package dev.triage.bot.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Slack, configured from the environment only. Slack is on when both the bot token and the signing secret are set.
 *
 * @param botToken      {@code SLACK_BOT_TOKEN}, the {@code xoxb-} token the replies are sent with
 * @param signingSecret {@code SLACK_SIGNING_SECRET}, which every request from Slack is signed with
 * @param apiUrl        {@code SLACK_API_URL}, the Web API's method prefix (default {@code https://slack.com/api/});
 *                      tests point it at a local stand-in
 * @param appToken      {@code SLACK_APP_TOKEN}, the {@code xapp-} token of Socket Mode (not used yet)
 * @param allowedUsers  {@code SLACK_ALLOWED_USERS}, user ids (helpdesk staff) who may answer any case's questions;
 *                      the user who opened a case may always answer its questions
 */
public record SlackSettings(
        Optional<String> botToken, Optional<String> signingSecret, String apiUrl, Optional<String> appToken,
        List<String> allowedUsers) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(appToken, "appToken");
        allowedUsers = List.copyOf(allowedUsers);
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            throw new ConfigException("SLACK_API_URL must be an http(s) URL, not '" + apiUrl + "'");
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        if (botToken.isPresent() != signingSecret.isPresent()) {
            throw new ConfigException("Slack needs both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; only "
                    + (botToken.isPresent() ? "the token" : "the signing secret") + " is set");
        }
    }

    public static SlackSettings off() {
        return new SlackSettings(Optional.empty(), Optional.empty(), DEFAULT_API_URL, Optional.empty(), List.of());
    }

    /** Whether Slack is switched on: the token and the signing secret are both set. */
    public boolean enabled() {
        return botToken.isPresent() && signingSecret.isPresent();
    }

    @Override
    public String toString() {
        // Secrets never reach logs through a toString.
        return "SlackSettings[enabled=" + enabled() + ", apiUrl=" + apiUrl + ", socketMode="
                + appToken.isPresent() + ", allowedUsers=" + allowedUsers + "]";
    }
}

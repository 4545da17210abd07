package dev.triage.bot.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Slack, configured from the environment only. Slack is on when the bot token is set together with the signing secret
 * (Slack calls Triage's signed endpoint, {@code POST /slack/events}), the app-level token (Triage dials out to Slack
 * over Socket Mode, for sites without a public address), or both. The endpoint exists only when the signing secret is
 * set, so it never answers a request it cannot verify.
 *
 * @param botToken      {@code SLACK_BOT_TOKEN}, the {@code xoxb-} token the replies are sent with
 * @param signingSecret {@code SLACK_SIGNING_SECRET}, which every request from Slack is signed with
 * @param apiUrl        {@code SLACK_API_URL}, the Web API's method prefix (default {@code https://slack.com/api/});
 *                      tests point it at a local stand-in
 * @param appToken      {@code SLACK_APP_TOKEN}, the {@code xapp-} app-level token (scope {@code connections:write});
 *                      when set, Triage receives events, clicks and commands over a Socket Mode connection
 * @param allowedUsers  {@code SLACK_ALLOWED_USERS}, user ids (helpdesk staff) who may answer any case's questions;
 *                      the user who opened a case may always answer its questions
 * @param privateHosts  {@code SLACK_PRIVATE_HOSTS} (default {@code true}): in public channels the thread shows no
 *                      host name or address, and whoever asked gets the details in a message only they can see
 */
public record SlackSettings(
        Optional<String> botToken, Optional<String> signingSecret, String apiUrl, Optional<String> appToken,
        List<String> allowedUsers, boolean privateHosts) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    private static final String APP_TOKEN_PREFIX = "xapp-";

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(appToken, "appToken");
        allowedUsers = List.copyOf(allowedUsers);
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            throw new ConfigException("SLACK_API_URL must be an http(s) URL, not '" + apiUrl + "'");
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        if (appToken.isPresent() && !appToken.get().startsWith(APP_TOKEN_PREFIX)) {
            // A bot token pasted here would be sent to apps.connections.open and refused; say so at start-up.
            throw new ConfigException("SLACK_APP_TOKEN must be the app-level token (" + APP_TOKEN_PREFIX + "...)"
                    + " from Basic Information -> App-Level Tokens, with the connections:write scope");
        }
        boolean inbound = signingSecret.isPresent() || appToken.isPresent();
        if (botToken.isPresent() && !inbound) {
            throw new ConfigException("Slack needs SLACK_SIGNING_SECRET (Slack calls the events endpoint) or"
                    + " SLACK_APP_TOKEN (Socket Mode) besides SLACK_BOT_TOKEN; only the bot token is set");
        }
        if (botToken.isEmpty() && inbound) {
            throw new ConfigException("Slack needs SLACK_BOT_TOKEN (the xoxb- token replies are sent with) besides "
                    + (signingSecret.isPresent() ? "SLACK_SIGNING_SECRET" : "SLACK_APP_TOKEN"));
        }
    }

    /** Settings with host names kept out of public channels, the default. */
    public SlackSettings(Optional<String> botToken, Optional<String> signingSecret, String apiUrl,
            Optional<String> appToken, List<String> allowedUsers) {
        this(botToken, signingSecret, apiUrl, appToken, allowedUsers, true);
    }

    public static SlackSettings off() {
        return new SlackSettings(Optional.empty(), Optional.empty(), DEFAULT_API_URL, Optional.empty(), List.of());
    }

    public SlackSettings withPrivateHosts(boolean keepPrivate) {
        return new SlackSettings(botToken, signingSecret, apiUrl, appToken, allowedUsers, keepPrivate);
    }

    /** Whether Slack is switched on: the bot token and a way to receive events (signing secret or app token). */
    public boolean enabled() {
        return botToken.isPresent() && (signingSecret.isPresent() || appToken.isPresent());
    }

    /** Whether Triage serves Slack's signed endpoint: only with the secret that verifies its requests. */
    public boolean endpoint() {
        return enabled() && signingSecret.isPresent();
    }

    /** Whether Triage opens a Socket Mode connection to Slack. */
    public boolean socketMode() {
        return enabled() && appToken.isPresent();
    }

    @Override
    public String toString() {
        // Secrets never reach logs through a toString.
        return "SlackSettings[enabled=" + enabled() + ", apiUrl=" + apiUrl + ", endpoint=" + endpoint()
                + ", socketMode=" + socketMode() + ", allowedUsers=" + allowedUsers + ", privateHosts=" + privateHosts
                + "]";
    }
}

package dev.triage.bot.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ticket systems a case can be sent to. Each switches on when all of its settings are present in the
 * environment; some but not all of them is a configuration error naming the missing ones.
 *
 * @param jira           Jira Cloud ({@code JIRA_URL}, {@code JIRA_USER}, {@code JIRA_API_TOKEN}, {@code JIRA_PROJECT},
 *                       optional {@code JIRA_ISSUE_TYPE}, default Task)
 * @param serviceNow     ServiceNow ({@code SERVICENOW_URL}, and {@code SERVICENOW_USER} with
 *                       {@code SERVICENOW_PASSWORD} for basic authentication or {@code SERVICENOW_CLIENT_ID} with
 *                       {@code SERVICENOW_CLIENT_SECRET} for OAuth client credentials)
 * @param webhook        a generic webhook ({@code TICKET_WEBHOOK_URL}, {@code TICKET_WEBHOOK_SECRET})
 * @param connectTimeout how long to wait for a connection to a ticket system (5 s)
 * @param requestTimeout how long to wait for its answer (15 s)
 */
public record TicketSettings(Optional<Jira> jira, Optional<ServiceNow> serviceNow, Optional<Webhook> webhook,
        Duration connectTimeout, Duration requestTimeout) {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    public TicketSettings {
        Objects.requireNonNull(jira, "jira");
        Objects.requireNonNull(serviceNow, "serviceNow");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    public static TicketSettings none() {
        return new TicketSettings(Optional.empty(), Optional.empty(), Optional.empty(), CONNECT_TIMEOUT,
                REQUEST_TIMEOUT);
    }

    /** Reads the settings from the environment, where the secrets must live. */
    public static TicketSettings fromEnv(Map<String, String> env) {
        Optional<Jira> jira = group(env, List.of("JIRA_URL", "JIRA_USER", "JIRA_API_TOKEN", "JIRA_PROJECT"))
                .map(v -> new Jira(v.get(0), v.get(1), v.get(2), v.get(3),
                        value(env, "JIRA_ISSUE_TYPE").orElse("Task")));
        Optional<ServiceNow> serviceNow = serviceNow(env);
        Optional<Webhook> webhook = group(env, List.of("TICKET_WEBHOOK_URL", "TICKET_WEBHOOK_SECRET"))
                .map(v -> new Webhook(v.get(0), v.get(1)));
        return new TicketSettings(jira, serviceNow, webhook, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public TicketSettings withJira(Jira settings) {
        return new TicketSettings(Optional.of(settings), serviceNow, webhook, connectTimeout, requestTimeout);
    }

    public TicketSettings withServiceNow(ServiceNow settings) {
        return new TicketSettings(jira, Optional.of(settings), webhook, connectTimeout, requestTimeout);
    }

    public TicketSettings withWebhook(Webhook settings) {
        return new TicketSettings(jira, serviceNow, Optional.of(settings), connectTimeout, requestTimeout);
    }

    public TicketSettings withTimeouts(Duration connect, Duration request) {
        return new TicketSettings(jira, serviceNow, webhook, connect, request);
    }

    /** ServiceNow with basic authentication, or with OAuth client credentials; not both. */
    private static Optional<ServiceNow> serviceNow(Map<String, String> env) {
        boolean basic = value(env, "SERVICENOW_USER").isPresent() || value(env, "SERVICENOW_PASSWORD").isPresent();
        boolean oauth = value(env, "SERVICENOW_CLIENT_ID").isPresent()
                || value(env, "SERVICENOW_CLIENT_SECRET").isPresent();
        if (basic && oauth) {
            throw new ConfigException("ServiceNow takes SERVICENOW_USER and SERVICENOW_PASSWORD, or "
                    + "SERVICENOW_CLIENT_ID and SERVICENOW_CLIENT_SECRET, not both");
        }
        if (oauth) {
            return group(env, List.of("SERVICENOW_URL", "SERVICENOW_CLIENT_ID", "SERVICENOW_CLIENT_SECRET"))
                    .map(v -> ServiceNow.oauth(v.get(0), v.get(1), v.get(2)));
        }
        return group(env, List.of("SERVICENOW_URL", "SERVICENOW_USER", "SERVICENOW_PASSWORD"))
                .map(v -> new ServiceNow(v.get(0), v.get(1), v.get(2)));
    }

    /** All the named values, or none of them; a partial group is an error that names what is missing. */
    private static Optional<List<String>> group(Map<String, String> env, List<String> names) {
        List<String> values = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            value(env, name).ifPresentOrElse(values::add, () -> missing.add(name));
        }
        if (missing.size() == names.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(names.get(0) + " and its settings go together; missing: "
                    + String.join(", ", missing));
        }
        return Optional.of(values);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The base address without a trailing slash, so paths can be appended; only http(s) is accepted. */
    static String baseUrl(String setting, String url) {
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new ConfigException(setting + " must be an http:// or https:// address");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Jira Cloud: where, who, and which project and issue type new issues get. */
    public record Jira(String url, String user, String apiToken, String project, String issueType) {
        public Jira {
            url = baseUrl("JIRA_URL", url);
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(apiToken, "apiToken");
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(issueType, "issueType");
        }

        @Override
        public String toString() {
            // Secrets never reach logs through a toString.
            return "Jira[url=" + url + ", user=" + user + ", project=" + project + ", issueType=" + issueType + "]";
        }
    }

    /**
     * ServiceNow: the instance and the account incidents are created with. Either {@code user} and {@code password}
     * (basic authentication) or {@code clientId} and {@code clientSecret} (an OAuth token from the instance's
     * {@code /oauth_token.do}, client-credentials grant) are set; the others are empty.
     */
    public record ServiceNow(String url, String user, String password, String clientId, String clientSecret) {
        public ServiceNow {
            url = baseUrl("SERVICENOW_URL", url);
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            if (user.isEmpty() == clientId.isEmpty()) {
                throw new ConfigException("ServiceNow needs a user and password, or a client id and secret");
            }
        }

        /** Basic authentication. */
        public ServiceNow(String url, String user, String password) {
            this(url, user, password, "", "");
        }

        /** OAuth client credentials. */
        public static ServiceNow oauth(String url, String clientId, String clientSecret) {
            return new ServiceNow(url, "", "", clientId, clientSecret);
        }

        public boolean usesOAuth() {
            return !clientId.isEmpty();
        }

        @Override
        public String toString() {
            return "ServiceNow[url=" + url + (usesOAuth() ? ", clientId=" + clientId : ", user=" + user) + "]";
        }
    }

    /** A webhook: where the case JSON goes, and the secret its signature is made with. */
    public record Webhook(String url, String secret) {
        public Webhook {
            url = baseUrl("TICKET_WEBHOOK_URL", url);
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Webhook[url=" + url + "]";
        }
    }
}

package dev.triage.bot.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the bot logs: plain lines for a person at a terminal, or one JSON object per line for a log collector; the
 * level of Triage's own loggers (other libraries log warnings and errors only); and the configured secrets, which
 * are masked wherever they would appear in a line.
 *
 * @param secrets the values of the secret settings that are set, never logged themselves
 */
public record LogSettings(Format format, Level level, List<String> secrets) {
    /** The environment variables whose values are secrets (a password inside {@code TRIAGE_ACCESS_USERS} too). */
    static final List<String> SECRET_VARIABLES = List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN",
            "TEAMS_APP_PASSWORD", "DISCORD_BOT_TOKEN", "JIRA_API_TOKEN", "SERVICENOW_PASSWORD",
            "SERVICENOW_CLIENT_SECRET", "TICKET_WEBHOOK_SECRET", "TRIAGE_JDBC_PASSWORD", "TRIAGE_ACCESS_TOKEN");
    // Shorter values are too likely to occur in ordinary text; masking them would garble lines and reveal nothing.
    private static final int SHORTEST_MASKED = 6;

    public enum Format {
        PLAIN, JSON
    }

    public enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR
    }

    public LogSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(level, "level");
        secrets = secrets.stream().filter(s -> s.length() >= SHORTEST_MASKED).distinct().toList();
    }

    /** Plain text at INFO, nothing to mask: what a process logs before {@code serve} has read its configuration. */
    public static LogSettings defaults() {
        return new LogSettings(Format.PLAIN, Level.INFO, List.of());
    }

    /** The secrets among these environment variables, with each password of {@code user:password,...}. */
    static List<String> secretsIn(Map<String, String> env) {
        java.util.ArrayList<String> secrets = new java.util.ArrayList<>();
        SECRET_VARIABLES.stream().map(env::get).filter(Objects::nonNull).map(String::strip).forEach(secrets::add);
        String users = env.getOrDefault("TRIAGE_ACCESS_USERS", "");
        for (String pair : users.split(",")) {
            int colon = pair.indexOf(':');
            if (colon >= 0) {
                secrets.add(pair.substring(colon + 1).strip());
            }
        }
        return secrets;
    }

    static Format parseFormat(String value) {
        try {
            return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("log.format must be plain or json, not '" + value + "'");
        }
    }

    static Level parseLevel(String value) {
        try {
            return Level.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("log.level must be one of trace, debug, info, warn, error, not '" + value + "'");
        }
    }
}

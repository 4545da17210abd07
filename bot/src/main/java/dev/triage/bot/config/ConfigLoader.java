package dev.triage.bot.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the configuration: defaults, then the optional properties file ({@code TRIAGE_CONFIG}, or
 * {@code triage.properties} in the working directory), then environment variables. Secrets are only ever read
 * from the environment.
 */
public final class ConfigLoader {
    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public BotConfig load() {
        Properties file = file();
        BotConfig config = BotConfig.defaults();
        Optional<String> port = setting(file, "port", "TRIAGE_PORT");
        if (port.isPresent()) {
            config = config.withPort(parsePort(port.get()));
        }
        Optional<String> data = setting(file, "data", "TRIAGE_DATA");
        if (data.isPresent()) {
            config = config.withDataDir(Path.of(data.get()));
        }
        Optional<String> allow = setting(file, "probes.allow", "TRIAGE_PROBES_ALLOW");
        if (allow.isPresent()) {
            config = config.withProbesAllow(splitAllowList(allow.get()));
        }
        Optional<String> timeout = setting(file, "probes.timeout", "TRIAGE_PROBES_TIMEOUT");
        if (timeout.isPresent()) {
            config = config.withProbeTimeout(parseDuration("probes.timeout", timeout.get()));
        }
        Optional<String> sharedDns = setting(file, "probes.shared-dns", "TRIAGE_PROBES_SHARED_DNS");
        if (sharedDns.isPresent()) {
            config = config.withProbesSharedDns(parseBoolean("probes.shared-dns", sharedDns.get()));
        }
        config = config.withStore(store(file));
        Optional<String> jdbc = setting(file, "database.url", "TRIAGE_JDBC_URL");
        Optional<String> url = setting(file, "public.url", "TRIAGE_PUBLIC_URL");
        return new BotConfig(config.port(), config.dataDir(), jdbc, url.orElse(config.publicUrl()),
                config.probesAllow(), config.probeTimeout(), config.probesSharedDns(), http(file), config.store(),
                TicketSettings.fromEnv(env), slack(), teams(), discord(),
                setting(file, "probes.scopes", "TRIAGE_PROBES_SCOPES").filter(v -> !v.isBlank()).map(Path::of),
                setting(file, "knowledge.dir", "TRIAGE_KNOWLEDGE_DIR").map(String::strip).filter(v -> !v.isBlank())
                        .map(Path::of));
    }

    /** How to log ({@code log.format}, {@code log.level}), and the secrets to mask in every line. */
    public LogSettings logging() {
        Properties file = file();
        return new LogSettings(setting(file, "log.format", "TRIAGE_LOG_FORMAT").map(LogSettings::parseFormat)
                .orElse(LogSettings.Format.PLAIN),
                setting(file, "log.level", "TRIAGE_LOG_LEVEL").map(LogSettings::parseLevel)
                        .orElse(LogSettings.Level.INFO),
                LogSettings.secretsIn(env));
    }

    /** Slack's settings: secrets, so from the environment only, never from the file. */
    private SlackSettings slack() {
        return new SlackSettings(secret("SLACK_BOT_TOKEN"), secret("SLACK_SIGNING_SECRET"),
                secret("SLACK_API_URL").orElse(SlackSettings.DEFAULT_API_URL), secret("SLACK_APP_TOKEN"),
                splitList(env.getOrDefault("SLACK_ALLOWED_USERS", "")),
                parseBoolean("SLACK_PRIVATE_HOSTS", env.getOrDefault("SLACK_PRIVATE_HOSTS", "true")));
    }

    /** Teams' settings: the password is a secret, so all of them come from the environment only. */
    private TeamsSettings teams() {
        Optional<String> tenant = secret("TEAMS_TENANT_ID");
        return new TeamsSettings(secret("TEAMS_APP_ID"), secret("TEAMS_APP_PASSWORD"), tenant,
                secret("TEAMS_OPENID_METADATA_URL").orElse(TeamsSettings.DEFAULT_OPENID_METADATA_URL),
                secret("TEAMS_TOKEN_URL").orElse(TeamsSettings.defaultTokenUrl(tenant)),
                splitList(env.getOrDefault("TEAMS_ALLOWED_TENANTS", "")),
                splitList(env.getOrDefault("TEAMS_ALLOWED_USERS", "")),
                secret("TEAMS_SERVICE_URLS").map(ConfigLoader::splitList).orElse(TeamsSettings.DEFAULT_SERVICE_URLS));
    }

    /** Discord's settings: from the environment only, like Slack's. */
    private DiscordSettings discord() {
        return new DiscordSettings(secret("DISCORD_APPLICATION_ID"), secret("DISCORD_PUBLIC_KEY"),
                secret("DISCORD_BOT_TOKEN"), secret("DISCORD_API_URL").orElse(DiscordSettings.DEFAULT_API_URL),
                splitList(env.getOrDefault("DISCORD_ALLOWED_GUILDS", "")),
                splitList(env.getOrDefault("DISCORD_HELPDESK_USERS", "")),
                parseBoolean("DISCORD_GATEWAY", secret("DISCORD_GATEWAY").orElse("false")),
                parseBoolean("DISCORD_PRIVATE_HOSTS", env.getOrDefault("DISCORD_PRIVATE_HOSTS", "true")));
    }

    private Optional<String> secret(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private StoreConfig store(Properties file) {
        return new StoreConfig(
                number(file, "database.pool", "TRIAGE_DB_POOL", StoreConfig.DEFAULT_POOL),
                number(file, "retention.days", "TRIAGE_RETENTION_DAYS", StoreConfig.DEFAULT_RETENTION_DAYS),
                number(file, "retention.audit-days", "TRIAGE_RETENTION_AUDIT_DAYS", StoreConfig.DEFAULT_AUDIT_DAYS),
                new DatabaseLogin(secret("TRIAGE_JDBC_USER").orElse(""), secret("TRIAGE_JDBC_PASSWORD").orElse("")));
    }

    private int number(Properties file, String key, String envName, int fallback) {
        Optional<String> value = setting(file, key, envName);
        try {
            return value.isEmpty() ? fallback : Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " (" + envName + ") must be a whole number, not '" + value.get() + "'");
        }
    }

    /** Listening address and proxies may come from the file; credentials only from the environment. */
    private HttpSettings http(Properties file) {
        HttpSettings defaults = HttpSettings.defaults();
        String bind = setting(file, "http.bind", "TRIAGE_BIND").orElse(defaults.bind()).strip();
        Optional<String> token = Optional.ofNullable(env.get("TRIAGE_ACCESS_TOKEN")).map(String::strip)
                .filter(t -> !t.isEmpty());
        Map<String, String> users = new java.util.LinkedHashMap<>();
        for (String pair : splitList(env.getOrDefault("TRIAGE_ACCESS_USERS", ""))) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new ConfigException("TRIAGE_ACCESS_USERS takes user:password pairs separated by commas;"
                        + " one entry has no user or no password");
            }
            users.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        List<String> proxies = setting(file, "http.trusted-proxies", "TRIAGE_TRUSTED_PROXIES").map(ConfigLoader::splitList)
                .orElse(List.of());
        for (String proxy : proxies) {
            if (dev.triage.probes.AddressBlock.parse(proxy).isEmpty()) {
                throw new ConfigException("http.trusted-proxies: '" + proxy + "' is not an address or CIDR block");
            }
        }
        int threads = setting(file, "http.threads", "TRIAGE_HTTP_THREADS").map(v -> parseInt("http.threads", v))
                .orElse(defaults.threads());
        return new HttpSettings(bind, token, users, proxies, threads);
    }

    private static int parseInt(String setting, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(setting + " must be a number, not '" + value + "'");
        }
    }

    public static int parsePort(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("port must be a number, not '" + value + "'");
        }
    }

    /** {@code true} or {@code false}, in any case; anything else is a configuration error naming the setting. */
    public static boolean parseBoolean(String setting, String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(setting + " must be true or false, not '" + value + "'");
        };
    }

    /** Accepts {@code 5s}, {@code 1500ms}, {@code 2m}, or ISO-8601 ({@code PT5S}). */
    public static Duration parseDuration(String setting, String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.parse(value.strip());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ConfigException(setting + " must be a duration like 5s or 1500ms, not '" + value + "'");
        }
    }

    public static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /**
     * Splits {@code probes.allow} into entries. Entries are separated by commas, semicolons or whitespace; a
     * comma-separated token that is only a port or a port range ({@code 3390}, {@code 50000-50100}) continues the
     * previous entry's port list, so {@code 10.0.0.0/8:3389,3390, .corp.example.com} is two entries.
     */
    public static List<String> splitAllowList(String value) {
        List<String> items = new ArrayList<>();
        for (String token : value.split("[,;\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            int last = items.size() - 1;
            if (PORT_TOKEN.matcher(token).matches() && last >= 0 && hasPortList(items.get(last))) {
                items.set(last, items.get(last) + "," + token);
            } else {
                items.add(token);
            }
        }
        return items;
    }

    private static final java.util.regex.Pattern PORT_TOKEN = java.util.regex.Pattern.compile("\\d+(-\\d+)?");

    /**
     * Whether the entry ends in ":ports": after "/prefix" or "]" for addresses, or a single colon for names and IPv4.
     * A bare IPv6 address ("fe80::1") has colons but no port list, so a following number is an entry of its own (and
     * then rejected by the policy parser with a clear message).
     */
    private static boolean hasPortList(String entry) {
        int boundary = Math.max(entry.lastIndexOf('/'), entry.lastIndexOf(']'));
        String tail = entry.substring(boundary + 1);
        if (boundary < 0 && tail.chars().filter(c -> c == ':').count() > 1) {
            return false;
        }
        return tail.contains(":");
    }

    private Optional<String> setting(Properties file, String key, String envName) {
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv);
        }
        return Optional.ofNullable(file.getProperty(key)).filter(v -> !v.isBlank());
    }

    private Properties file() {
        Properties props = new Properties();
        Path path = Optional.ofNullable(env.get("TRIAGE_CONFIG")).map(Path::of).orElse(Path.of("triage.properties"));
        if (!Files.exists(path)) {
            if (env.containsKey("TRIAGE_CONFIG")) {
                throw new ConfigException("TRIAGE_CONFIG names " + path + ", which does not exist");
            }
            return props;
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration file " + path + ": " + e.getMessage());
        }
        return props;
    }
}

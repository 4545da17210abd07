package dev.triage.bot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's configuration, validated when built.
 *
 * @param port         HTTP port (default 8080)
 * @param dataDir      where the embedded database lives (default {@code ./data})
 * @param jdbcUrl      an H2 or PostgreSQL database to use instead of the embedded file one (its login is in
 *                     {@code store})
 * @param publicUrl    the address people reach the bot at, for permalinks (default http://localhost:PORT)
 * @param probesAllow  allow-list entries for probe targets (CIDRs, domain suffixes); empty = probe nothing
 * @param probeTimeout overall deadline of one probe run (default 5 s)
 * @param probesSharedDns whether Triage's resolver is the users' DNS (default false): only then does a name it
 *                     cannot resolve count as strong evidence of a DNS fault
 * @param http         the address to listen on, access credentials, trusted proxies, request threads
 * @param store        database pool size and retention
 * @param tickets      the ticket systems cases can be sent to (none by default)
 * @param slack        Slack's tokens and API address (environment only); off unless both secrets are set
 * @param teams        Teams' app id, password and endpoints (environment only); off unless both are set
 * @param discord      Discord's application id, public key, token and API address (environment only); off unless the
 *                     application id and public key are set
 * @param probesScopes the site's {@code probes.scopes} file: who may probe what from where (none by default: everyone
 *                     may probe what {@code probesAllow} allows)
 * @param knowledgeDir a site's own knowledge beside the bundled packs ({@code knowledge.dir}): articles that extend
 *                     a bundled cause with local fixes, or a pack folder adding causes (docs/packs.md)
 */
public record BotConfig(
        int port,
        Path dataDir,
        Optional<String> jdbcUrl,
        String publicUrl,
        List<String> probesAllow,
        Duration probeTimeout,
        boolean probesSharedDns,
        HttpSettings http,
        StoreConfig store,
        TicketSettings tickets,
        SlackSettings slack,
        TeamsSettings teams,
        DiscordSettings discord,
        Optional<Path> probesScopes,
        Optional<Path> knowledgeDir) {

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(5);

    public BotConfig {
        if (port < 0 || port > 65535) {
            throw new ConfigException("port must be 0..65535, not " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(publicUrl, "publicUrl");
        probesAllow = List.copyOf(probesAllow);
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(teams, "teams");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(probesScopes, "probesScopes");
        Objects.requireNonNull(knowledgeDir, "knowledgeDir");
        if (probeTimeout.isNegative() || probeTimeout.isZero() || probeTimeout.toSeconds() > 120) {
            throw new ConfigException("the probe timeout must be between 1 ms and 120 s, not " + probeTimeout);
        }
    }

    public static BotConfig defaults() {
        return new BotConfig(DEFAULT_PORT, Path.of("data"), Optional.empty(), "http://localhost:" + DEFAULT_PORT,
                List.of(), DEFAULT_PROBE_TIMEOUT, false, HttpSettings.defaults(), StoreConfig.defaults(),
                TicketSettings.none(), SlackSettings.off(), TeamsSettings.off(),
                DiscordSettings.off(), Optional.empty(), Optional.empty());
    }

    public BotConfig withPort(int newPort) {
        String url = publicUrl.equals("http://localhost:" + port) ? "http://localhost:" + newPort : publicUrl;
        return new BotConfig(newPort, dataDir, jdbcUrl, url, probesAllow, probeTimeout, probesSharedDns, http, store,
                tickets, slack, teams, discord, probesScopes, knowledgeDir);
    }

    public BotConfig withDataDir(Path dir) {
        return new BotConfig(port, dir, jdbcUrl, publicUrl, probesAllow, probeTimeout, probesSharedDns, http, store,
                tickets, slack, teams, discord, probesScopes, knowledgeDir);
    }

    public BotConfig withProbesAllow(List<String> allow) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, allow, probeTimeout, probesSharedDns, http, store,
                tickets, slack, teams, discord, probesScopes, knowledgeDir);
    }

    public BotConfig withProbesSharedDns(boolean shared) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, probesAllow, probeTimeout, shared, http, store,
                tickets, slack, teams, discord, probesScopes, knowledgeDir);
    }

    public BotConfig withStore(StoreConfig newStore) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, probesAllow, probeTimeout, probesSharedDns, http,
                newStore, tickets, slack, teams, discord, probesScopes, knowledgeDir);
    }

    public BotConfig withHttp(HttpSettings settings) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, probesAllow, probeTimeout, probesSharedDns, settings,
                store, tickets, slack, teams, discord, probesScopes, knowledgeDir);
    }

    public BotConfig withProbeTimeout(Duration timeout) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, probesAllow, timeout, probesSharedDns, http, store,
                tickets, slack, teams, discord, probesScopes, knowledgeDir);
    }

    public BotConfig withTickets(TicketSettings settings) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, probesAllow, probeTimeout, probesSharedDns, http, store,
                settings, slack, teams, discord, probesScopes, knowledgeDir);
    }

    public BotConfig withSlack(SlackSettings settings) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, probesAllow, probeTimeout, probesSharedDns, http, store,
                tickets, settings, teams, discord, probesScopes, knowledgeDir);
    }

    public BotConfig withTeams(TeamsSettings settings) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, probesAllow, probeTimeout, probesSharedDns, http, store,
                tickets, slack, settings, discord, probesScopes, knowledgeDir);
    }

    public BotConfig withDiscord(DiscordSettings settings) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, probesAllow, probeTimeout, probesSharedDns, http, store,
                tickets, slack, teams, settings, probesScopes, knowledgeDir);
    }

    public BotConfig withProbesScopes(Optional<Path> file) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, probesAllow, probeTimeout, probesSharedDns, http, store,
                tickets, slack, teams, discord, file, knowledgeDir);
    }

    public BotConfig withKnowledgeDir(Path dir) {
        return new BotConfig(port, dataDir, jdbcUrl, publicUrl, probesAllow, probeTimeout, probesSharedDns, http, store,
                tickets, slack, teams, discord, probesScopes, Optional.of(dir));
    }
}

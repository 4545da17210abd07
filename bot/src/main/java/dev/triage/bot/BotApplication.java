package dev.triage.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.cli.Cli;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.ConfigException;
import dev.triage.bot.config.DatabaseLogin;
import dev.triage.bot.probing.AuditedProbeGateway;
import dev.triage.probes.Prober;
import dev.triage.bot.chat.CaseEvents;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.TurnWorkers;
import dev.triage.bot.chat.Webhook;
import dev.triage.bot.chat.slack.SlackAdapter;
import dev.triage.bot.chat.teams.TeamsAdapter;
import dev.triage.bot.chat.discord.DiscordAdapter;
import dev.triage.bot.chat.discord.DiscordGateway;
import dev.triage.bot.ops.ServerOperations;
import dev.triage.bot.store.PlatformStore;
import dev.triage.bot.store.RateBuckets;
import java.util.List;
import dev.triage.bot.probing.ProbeLimits;
import dev.triage.bot.probing.ProbeScopes;
import dev.triage.bot.store.CaseLimits;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import dev.triage.probes.TargetPolicy;
import java.time.Duration;
import dev.triage.bot.conversation.Conversations;
import dev.triage.bot.conversation.ProbeGateway;
import dev.triage.bot.conversation.TurnEngine;
import dev.triage.bot.http.HttpApi;
import dev.triage.bot.store.CaseStore;
import dev.triage.bot.store.Database;
import dev.triage.bot.store.JdbcCaseStore;
import dev.triage.bot.store.Purged;
import dev.triage.bot.tickets.TicketTargets;
import dev.triage.bot.tickets.Tickets;
import dev.triage.knowledge.Article;
import dev.triage.knowledge.InvalidArticleException;
import dev.triage.knowledge.KnowledgeBase;
import dev.triage.rules.Diagnoser;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every long-lived part is built here, with {@code new}, from one {@link BotConfig}. The
 * database is opened only when something needs it, so a one-shot {@code diagnose} stays fast.
 */
public final class BotApplication implements AutoCloseable {
    // A healthy RDP server answers each step within a few round trips; 3 s without an answer is itself a finding.
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(3);
    // Each run holds up to 8 connections and 11 threads of the prober; a few runs at once keep 2 cores responsive.
    private static final int PROBE_RUNS_AT_ONCE = 4;
    private final BotConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final TurnEngine engine;
    private Database database;
    private AuditedProbeGateway probeGateway;
    private Prober prober;
    private ChatCore chatCore;
    private ExecutorService probeRunner;
    private ScheduledExecutorService scheduler;
    private ScheduledExecutorService retention;
    private Tickets tickets;
    private SlackAdapter slack;
    private TeamsAdapter teams;
    private DiscordAdapter discord;
    private DiscordGateway discordGateway;
    private TurnWorkers turnWorkers;
    private ServerOperations operations;
    private JdbcCaseStore caseStore;

    private BotApplication(BotConfig config, TurnEngine engine) {
        this.config = config;
        this.engine = engine;
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.in, System.out, System.err, System.getenv()).run(args));
    }

    /**
     * Loads the bundled knowledge packs with their precompiled rules, and the site's own knowledge folder when one is
     * configured; throws, naming the file and field, if an article or a pack file is invalid. The two loads are
     * independent and each takes a few hundred milliseconds, so they run side by side.
     */
    public static BotApplication create(BotConfig config) {
        CompletableFuture<KnowledgeBase> knowledge = CompletableFuture.supplyAsync(() -> config.knowledgeDir()
                .map(KnowledgeBase::bundledWithSite).orElseGet(KnowledgeBase::bundled));
        try {
            Diagnoser diagnoser = Diagnoser.create(config.knowledgeDir().stream().toList());
            KnowledgeBase kb = knowledge.join();
            List<Article> site = kb.articles().stream().filter(kb::fromSite).toList();
            KnowledgeCheck.unknownCauses(site, diagnoser.causeIds()).stream().findFirst().ifPresent(p -> {
                throw new InvalidArticleException(p.file(), p.field(), p.message());
            });
            return new BotApplication(config, new TurnEngine(kb, diagnoser));
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public BotConfig config() {
        return config;
    }

    public TurnEngine engine() {
        return engine;
    }

    public ObjectMapper json() {
        return json;
    }

    /** The conversation service over the configured database, probing through {@code probes}. */
    public synchronized Conversations conversations(ProbeGateway probes) {
        return new Conversations(store(), engine, probes, json, CaseLimits.standard());
    }

    /** A conversation service that stores nothing, for one-shot diagnoses. */
    public Conversations statelessConversations(ProbeGateway probes) {
        return new Conversations(new NoStore(), engine, probes, json, CaseLimits.standard());
    }

    /**
     * The conversation core every surface shares, over the configured database and probes. Built once: its event
     * subscribers and probe runs belong to this application.
     */
    public synchronized ChatCore chatCore() {
        if (chatCore == null) {
            AuditedProbeGateway probes = probeGateway();
            chatCore = new ChatCore(conversations(probes), probes, new CaseEvents(), probeRunner(), scheduler(),
                    operations());
        }
        return chatCore;
    }

    /** The HTTP server's routes over the chat core, not yet started. */
    public HttpApi httpApi() {
        return new HttpApi(chatCore(), json, config.publicUrl(), config.http(),
                config.probeTimeout().plusSeconds(2), scheduler(), tickets(),
                webhooks(), operations());
    }

    /** Sending cases to the ticket systems whose settings are present; none configured is a working empty list. */
    public synchronized Tickets tickets() {
        if (tickets == null) {
            tickets = new Tickets(chatCore().conversations(), store(), json, config.publicUrl(),
                    TicketTargets.from(config.tickets(), json, Clock.systemUTC()));
        }
        return tickets;
    }


    /**
     * The chat platforms' endpoints that are configured: Slack when its token and signing secret are set, Teams when
     * its app id and password are, Discord when its application id and public key are.
     */
    private synchronized List<Webhook> webhooks() {
        List<Webhook> webhooks = new java.util.ArrayList<>();
        if (config.slack().endpoint()) {
            webhooks.add(slack());
        }
        teams().ifPresent(webhooks::add);
        if (config.discord().enabled()) {
            if (discord == null) {
                discord = new DiscordAdapter(config.discord(), config.publicUrl(), chatCore(), platformStore(),
                        turnWorkers().queueFor("discord"), Clock.systemUTC());
            }
            webhooks.add(discord);
        }
        return webhooks;
    }

    /** Teams' endpoint, when its app id and password are set. */
    private synchronized java.util.Optional<TeamsAdapter> teams() {
        if (!config.teams().enabled()) {
            return java.util.Optional.empty();
        }
        if (teams == null) {
            teams = new TeamsAdapter(config.teams(), config.publicUrl(), chatCore(), platformStore(),
                    turnWorkers().queueFor("teams"), json, Clock.systemUTC());
        }
        return java.util.Optional.of(teams);
    }

    /** Slack, built once; on when its bot token and the signing secret or the app token are set. */
    private synchronized SlackAdapter slack() {
        if (slack == null) {
            slack = new SlackAdapter(config.slack(), config.publicUrl(), chatCore(), platformStore(),
                    turnWorkers().queueFor("slack"), Clock.systemUTC());
        }
        return slack;
    }

    /**
     * Opens the connections to chat platforms that Triage dials out to: Slack's Socket Mode when its app token is
     * set, Discord's gateway when DISCORD_GATEWAY is true. Throws when a platform refuses the credentials.
     */
    public synchronized void connectChats() {
        if (config.slack().socketMode()) {
            slack().connect();
        }
        if (config.discord().gateway()) {
            if (discordGateway == null) {
                discordGateway = new DiscordGateway(config.discord(), config.publicUrl(), chatCore(),
                        platformStore(), turnWorkers().queueFor("discord"));
            }
            discordGateway.connect();
        }
    }

    /** Readiness, metrics and draining of this instance, over the configured database. */
    public synchronized ServerOperations operations() {
        if (operations == null) {
            jdbcStore();
            operations = new ServerOperations(database);
        }
        return operations;
    }

    /**
     * Stops the way a load balancer needs: {@code /ready} turns 503 and new requests are refused at once (their
     * clients try again, on another instance), turns and probe runs that are going on finish within {@code grace},
     * then the server and everything else close.
     */
    public void shutDownGracefully(Javalin server, Duration grace) {
        operations().drain();
        Instant end = Instant.now().plus(grace);
        ChatCore core = chatCore();
        while (core.busy() && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (core.busy()) {
            LoggerFactory.getLogger(BotApplication.class).warn("shutdown: turns or probe runs still going on after {};"
                    + " stopping anyway", grace);
        }
        server.stop();
        close();
    }

    /** Delivered platform event ids and the platform threads' cases, in the configured database. */
    public synchronized PlatformStore platformStore() {
        jdbcStore();
        return new PlatformStore(database.dataSource(), Clock.systemUTC());
    }

    /** The probe rate limits' buckets, in the configured database, so every instance on it shares them. */
    public synchronized RateBuckets rateBuckets() {
        jdbcStore();
        return new RateBuckets(database.dataSource(), Clock.systemUTC());
    }

    /**
     * The chat platforms' work after their acknowledgements, on one thread fewer than the cores: turns queue behind
     * each other, never ahead of the acknowledgements (docs/benchmarks.md, "acknowledgements ahead of the turns").
     */
    private synchronized TurnWorkers turnWorkers() {
        if (turnWorkers == null) {
            turnWorkers = new TurnWorkers(TurnWorkers.leavingACore(Runtime.getRuntime().availableProcessors()));
        }
        return turnWorkers;
    }

    /** Probe runs of conversations, off the request threads: a few at once, the rest queued in order. */
    private synchronized ExecutorService probeRunner() {
        if (probeRunner == null) {
            probeRunner = Executors.newFixedThreadPool(PROBE_RUNS_AT_ONCE, daemon("triage-probe-run"));
        }
        return probeRunner;
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(daemon("triage-scheduler"));
        }
        return scheduler;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public synchronized CaseStore store() {
        return jdbcStore();
    }

    private synchronized JdbcCaseStore jdbcStore() {
        if (database == null) {
            int pool = config.store().pool();
            DatabaseLogin login = config.store().login();
            database = config.jdbcUrl().map(url -> Database.open(url, login.user(), login.password(), pool))
                    .orElseGet(() -> Database.embedded(config.dataDir(), pool));
            // One store for the process: it is the owner of this instance's probe claims.
            caseStore = new JdbcCaseStore(database.dataSource(), Clock.systemUTC());
        }
        return caseStore;
    }

    /**
     * Purges what is past its retention now, in the background, and then once a day until {@link #close()}. A
     * failed purge is logged and tried again the next day; it never stops the server.
     */
    public synchronized void startRetention() {
        if (retention == null) {
            // Not the shared scheduler: a first purge of a large backlog may take a while.
            retention = Executors.newSingleThreadScheduledExecutor(daemon("triage-retention"));
            retention.scheduleAtFixedRate(this::purge, 0, 1, TimeUnit.DAYS);
        }
    }

    private void purge() {
        try {
            Instant now = Clock.systemUTC().instant();
            Purged purged = jdbcStore().purge(now.minus(config.store().retention()),
                    now.minus(config.store().auditRetention()));
            LoggerFactory.getLogger(BotApplication.class).info("retention: deleted {} cases with {} facts and {} "
                    + "probe-audit entries", purged.cases(), purged.facts(), purged.auditEntries());
            PlatformStore platforms = platformStore();
            int deliveries = platforms.forgetDeliveries(now.minus(Duration.ofDays(1)));
            int threads = platforms.forgetThreadsOfDeletedCases();
            rateBuckets().forgetIdle(now.minus(Duration.ofHours(1))); // full long before: 20 tokens in 2 minutes
            LoggerFactory.getLogger(BotApplication.class).info("retention: forgot {} platform event ids older than a"
                    + " day and {} threads of deleted cases", deliveries, threads);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(BotApplication.class).error("retention: the purge failed", e);
        }
    }

    /**
     * Probes through the configured allow-list, audited in the store. Ten probe runs per user, refilled one every
     * six seconds: enough for a conversation, too few to scan a network.
     */
    public synchronized AuditedProbeGateway probeGateway() {
        if (probeGateway == null) {
            TargetPolicy.Parsed parsed = TargetPolicy.parse(config.probesAllow());
            if (parsed instanceof TargetPolicy.Parsed.Invalid invalid) {
                throw new ConfigException("probes.allow: " + String.join("; ", invalid.problems()));
            }
            TargetPolicy policy = ((TargetPolicy.Parsed.Valid) parsed).policy();
            Duration step = config.probeTimeout().compareTo(STEP_TIMEOUT) < 0 ? config.probeTimeout() : STEP_TIMEOUT;
            prober = Prober.builder().policy(policy).stepTimeout(step).overallTimeout(config.probeTimeout())
                    .sharedDns(config.probesSharedDns()).build();
            // Read once here, at start-up: a broken file stops the start, and a restart picks up changes.
            ProbeScopes scopes = config.probesScopes().map(ProbeScopes::load).orElse(ProbeScopes.unscoped());
            probeGateway = new AuditedProbeGateway(prober, store(), ProbeLimits.shared(rateBuckets()),
                    Clock.systemUTC(), json, scopes);
        }
        return probeGateway;
    }

    /** Starts the HTTP server on the configured address and port. */
    public Javalin serve() {
        probeGateway(); // a bad probes.allow or probes.scopes stops the start before anything runs
        startRetention();
        Javalin server = httpApi().create().start(config.http().bind(), config.port());
        try {
            connectChats();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return server;
    }

    @Override
    public synchronized void close() {
        if (slack != null) {
            slack.close();
            slack = null;
        }
        if (teams != null) {
            teams.close();
            teams = null;
        }
        if (discordGateway != null) {
            discordGateway.close();
            discordGateway = null;
        }
        discord = null;
        if (turnWorkers != null) {
            turnWorkers.close();
            turnWorkers = null;
        }
        if (retention != null) {
            retention.shutdownNow();
            retention = null;
        }
        if (probeRunner != null) {
            probeRunner.shutdownNow();
            probeRunner = null;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        if (prober != null) {
            prober.close();
            prober = null;
        }
        if (database != null) {
            database.close();
            database = null;
            caseStore = null;
        }
    }
}

package dev.triage.bot.cli;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.logging.TriageLogging;
import dev.triage.bot.store.Database;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code triage serve}: the REST API and permalinks until the process is stopped. */
final class ServeCommand {
    // Longer than a turn with a probe run takes; shorter than a service manager's usual patience (90 s).
    private static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(30);
    private final Io io;
    private final ConfigLoader configLoader;

    ServeCommand(Io io, ConfigLoader configLoader) {
        this.io = io;
        this.configLoader = configLoader;
    }

    Exit run(List<String> rest) {
        Args args = Args.parse(rest, Set.of("port", "data", "bind"), Set.of("exit-when-ready"));
        if (!args.positionals().isEmpty()) {
            throw new UsageException("serve takes no arguments besides --port, --data, --bind and --exit-when-ready");
        }
        TriageLogging.configure(configLoader.logging());
        BotConfig config = configLoader.load();
        if (args.option("port").isPresent()) {
            config = config.withPort(ConfigLoader.parsePort(args.option("port").get()));
        }
        if (args.option("data").isPresent()) {
            config = config.withDataDir(Path.of(args.option("data").get()));
        }
        if (args.option("bind").isPresent()) {
            config = config.withHttp(config.http().withBind(args.option("bind").get().strip()));
        }
        if (!config.http().loopbackOnly() && !config.http().accessRequired()) {
            io.err().println("triage: refusing to listen on " + config.http().bind() + " without access control."
                    + " Anyone who can reach that address could use Triage and make it probe hosts. Set"
                    + " TRIAGE_ACCESS_TOKEN (a bearer token of at least 16 characters) or TRIAGE_ACCESS_USERS"
                    + " (user:password,...) in the environment, or listen on 127.0.0.1 (the default) behind a"
                    + " reverse proxy.");
            return Exit.FAILED;
        }
        BotApplication app = BotApplication.create(config);
        app.engine().warmUp();
        Javalin server;
        try {
            server = app.serve();
        } catch (RuntimeException e) {
            app.close(); // a start refused by the configuration (a bad probes.scopes line) leaves nothing open
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.shutDownGracefully(server, SHUTDOWN_GRACE);
            stopped.countDown();
        }, "triage-shutdown"));
        long readyMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String shown = config.http().loopbackOnly() ? "localhost" : config.http().bind();
        io.out().printf("Triage is listening on http://%s:%d (data in %s; ready %d ms after JVM start)%n",
                shown, server.port(), config.jdbcUrl().map(Database::shown).orElse(config.dataDir().toAbsolutePath().toString()), readyMs);
        io.out().flush();
        if (args.flag("exit-when-ready")) {
            // A start-up check (configuration, database, knowledge, rules, port); the launcher also uses it as the
            // training run of its class-data-sharing archive.
            server.stop();
            app.close();
            return Exit.OK;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Exit.OK;
    }
}

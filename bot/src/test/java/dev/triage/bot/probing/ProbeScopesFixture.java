package dev.triage.bot.probing;

import dev.triage.bot.config.BotConfig;
import dev.triage.bot.store.AuditEntry;
import dev.triage.bot.store.CaseStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the chat adapters' probes.scopes tests share: a host the global allow-list covers everywhere (a closed port on
 * loopback, so a probe that runs ends REFUSED and the scope alone decides whether it runs), a probes.scopes file with
 * the test's rules, the configuration with both, and the audit row each decision leaves.
 */
public final class ProbeScopesFixture {
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** What a reply says in a channel where the scopes refuse probes ({@link AuditedProbeGateway}'s words). */
    public static final String REFUSAL = "live probes are not allowed for you in this channel; the diagnosis is from"
            + " the text only";

    private final Path dir;
    private final String host;
    private final Path scopes;

    private ProbeScopesFixture(Path dir, String host, Path scopes) {
        this.dir = dir;
        this.host = host;
        this.scopes = scopes;
    }

    /** Writes {@code rules} (one probes.scopes line each) into {@code dir} and picks a closed port. */
    public static ProbeScopesFixture of(Path dir, String... rules) throws IOException {
        String host;
        try (ServerSocket s = new ServerSocket(0)) {
            host = "127.0.0.1:" + s.getLocalPort();
        }
        Path scopes = Files.writeString(dir.resolve("probes.scopes"), String.join("\n", rules) + "\n");
        return new ProbeScopesFixture(dir, host, scopes);
    }

    /** The host as a user names it, {@code 127.0.0.1:port}. */
    public String host() {
        return host;
    }

    /** A paste that names the host: an mstsc command line, then {@code dialog}. */
    public String paste(String dialog) {
        return "mstsc /v:" + host + " " + dialog;
    }

    /** The defaults, with the data under the fixture's folder, the host allowed globally and the scopes file. */
    public BotConfig config() {
        return BotConfig.defaults().withDataDir(dir.resolve("data"))
                .withProbesAllow(List.of(host.replace(":", "/32:"))).withProbesScopes(Optional.of(scopes));
    }

    /** The newest audit row of {@code actor}, once the decision was written; fails the test after {@link #WAIT}. */
    public static AuditEntry auditOf(CaseStore store, String actor) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            Optional<AuditEntry> entry = store.recentAudit(20).stream().filter(e -> e.actor().equals(actor))
                    .findFirst();
            if (entry.isPresent()) {
                return entry.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no audit row for " + actor);
    }
}

package dev.triage.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.config.BotConfig;
import dev.triage.bot.store.AuditEntry;
import dev.triage.bot.store.CaseStore;
import dev.triage.bot.store.Database;
import dev.triage.bot.store.JdbcCaseStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server purges what is past its retention as it starts, in the background. */
class RetentionTest {
    @TempDir
    Path dir;

    @Test
    void startingRetentionPurgesOldCasesAndAuditWithTheConfiguredDays() throws Exception {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String old;
        String recent;
        try (Database db = Database.embedded(dir)) {
            JdbcCaseStore past = new JdbcCaseStore(db.dataSource(), Clock.fixed(now.minus(Duration.ofDays(91)),
                    ZoneOffset.UTC));
            old = past.create("test").id();
            recent = new JdbcCaseStore(db.dataSource(), Clock.systemUTC()).create("test").id();
            past.audit(audit(now.minus(Duration.ofDays(366))));
            past.audit(audit(now.minus(Duration.ofDays(364))));
        }

        try (BotApplication app = BotApplication.create(BotConfig.defaults().withDataDir(dir))) {
            app.startRetention();
            CaseStore store = app.store();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // The audit is purged after the cases, in the same run.
            while (store.recentAudit(10).size() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(store.find(old)).as("a case untouched for 91 days").isEmpty();
            assertThat(store.find(recent)).isPresent();
            assertThat(store.recentAudit(10)).singleElement().extracting(AuditEntry::at)
                    .isEqualTo(now.minus(Duration.ofDays(364)));
        }
    }

    private static AuditEntry audit(Instant at) {
        return new AuditEntry(at, "cli:me", Optional.empty(), "rdp.example.com", Optional.empty(), "ALLOWED",
                "allowed", Optional.empty());
    }
}

package dev.triage.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.config.LogSettings;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;

class LogSinkTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "xoxb-1234-secret-token";
    static final String PASTED = "PASTED \"quoted\" text\nwith a second line";

    final List<String> lines = new CopyOnWriteArrayList<>();
    final BasicMDCAdapter mdc = new BasicMDCAdapter();
    final LogSink sink = new LogSink(mdc, Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC),
            lines::add);

    @Test
    void aJsonLineCarriesTheContextAndTheExceptionByClassWithoutItsMessage() throws Exception {
        sink.configure(new LogSettings(LogSettings.Format.JSON, LogSettings.Level.INFO, List.of(SECRET)));
        mdc.put("case", "abc123");
        Logger log = sink.getLogger("dev.triage.bot.http.HttpApi");

        log.error("request failed: {} with {}", "/api/cases", SECRET,
                new IllegalStateException("wrapped", new SQLException("value " + PASTED, "23505")));

        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("time").asText()).isEqualTo("2026-12-06T10:00:00Z");
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("logger").asText()).isEqualTo("dev.triage.bot.http.HttpApi");
        assertThat(line.path("message").asText()).isEqualTo("request failed: /api/cases with ***");
        assertThat(line.path("case").asText()).isEqualTo("abc123");
        assertThat(line.path("exception").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.path("causes").asText()).isEqualTo("java.sql.SQLException: SQL state 23505 (details at debug level)");
        assertThat(line.path("stack").asText()).contains("LogSinkTest");
        assertThat(lines.get(0)).doesNotContain("PASTED").doesNotContain(SECRET);
    }

    @Test
    void anExceptionForTheLastPlaceholderIsShownInPlaceAndOurOwnMessagesStay() {
        sink.configure(new LogSettings(LogSettings.Format.PLAIN, LogSettings.Level.INFO, List.of()));
        Logger log = sink.getLogger("dev.triage.bot.chat.ChatCore");

        log.warn("could not renew the claim of case {}: {}", "c1", new dev.triage.bot.BotException("the pool is closed"));
        log.warn("slack {} failed: {}", "chat.update", new java.io.UncheckedIOException(new java.io.IOException(PASTED)));

        assertThat(lines.get(0)).endsWith("WARN dev.triage.bot.chat.ChatCore - could not renew the claim of case c1:"
                + " dev.triage.bot.BotException: the pool is closed");
        assertThat(lines.get(1)).contains("java.io.UncheckedIOException: (details at debug level)"
                + " <- java.io.IOException: (details at debug level)").doesNotContain("PASTED");
    }

    @Test
    void librariesMessagesAreWithheldAboveDebugAndShownAtDebugWithSecretsMasked() {
        Logger bolt = sink.getLogger("com.slack.api.bolt.util.SlackRequestParser");
        sink.configure(new LogSettings(LogSettings.Format.PLAIN, LogSettings.Level.INFO, List.of(SECRET)));
        bolt.warn("No request pattern detected for {}", PASTED + SECRET);
        bolt.info("below the libraries' level");
        sink.configure(new LogSettings(LogSettings.Format.PLAIN, LogSettings.Level.DEBUG, List.of(SECRET)));
        bolt.warn("No request pattern detected for {}", PASTED + SECRET);
        sink.getLogger("com.zaxxer.hikari.pool.HikariPool").warn("pool {} is starved", "triage");

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).endsWith("(a library's message, withheld above debug level)");
        assertThat(lines.get(1)).contains(PASTED).doesNotContain(SECRET).endsWith("***");
        assertThat(lines.get(2)).endsWith("pool triage is starved");
    }

    @Test
    void triageLoggersFollowTheConfiguredLevelAndOthersLogWarningsOnly() {
        Logger own = sink.getLogger("dev.triage.bot.Thing");
        Logger library = sink.getLogger("org.eclipse.jetty.Server");
        assertThat(own.isInfoEnabled()).isTrue();
        assertThat(own.isDebugEnabled()).isFalse();
        assertThat(library.isInfoEnabled()).isFalse();
        sink.configure(new LogSettings(LogSettings.Format.PLAIN, LogSettings.Level.DEBUG, List.of()));
        assertThat(own.isDebugEnabled()).isTrue();
        assertThat(library.isInfoEnabled()).isFalse();
        assertThat(library.isWarnEnabled()).isTrue();
    }
}

package dev.triage.bot.logging;

import dev.triage.bot.config.LogSettings;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;

/**
 * Where every logger writes: one line per event on standard error, in the configured format, scrubbed. Loggers are
 * created (into static fields) before the configuration is read, so they ask the sink for their level on each call.
 * Thread-safe; lines are never interleaved.
 */
final class LogSink implements ILoggerFactory {
    private static final String OWN_LOGGERS = "dev.triage.";
    private static final int STACK_FRAMES = 30;
    /**
     * Libraries whose messages speak of pools and schema migrations, never of request content. Others do quote it
     * (Slack's SDK logs an unrecognised request body at WARN, Jetty a bad request's URI), so above debug level their
     * messages are withheld; the logger name, the level and the exception's class remain.
     */
    private static final Pattern TRUSTED_LIBRARIES = Pattern.compile("com\\.zaxxer\\.hikari\\.|org\\.flywaydb\\.");

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final MDCAdapter mdc;
    private final Clock clock;
    private final Consumer<String> out;
    private volatile LogSettings settings = LogSettings.defaults();
    private volatile Scrubber scrubber = new Scrubber(List.of());

    /** @param out takes each finished line; called by one thread at a time */
    LogSink(MDCAdapter mdc, Clock clock, Consumer<String> out) {
        this.mdc = mdc;
        this.clock = clock;
        this.out = out;
    }

    void configure(LogSettings settings) {
        this.scrubber = new Scrubber(settings.secrets());
        this.settings = settings;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new SinkLogger(n, this));
    }

    /** Triage's loggers log from the configured level; libraries' loggers warnings and errors only. */
    boolean enabled(String logger, Level level) {
        int threshold = logger.startsWith(OWN_LOGGERS) ? settings.level().ordinal() * 10 : Level.WARN.toInt();
        return level.toInt() >= threshold;
    }

    void write(Level level, String logger, String pattern, Object[] arguments, Throwable thrown) {
        // Details (which may quote pasted text) only when the operator asked for debug logs; secrets never.
        boolean verbose = settings.level().compareTo(LogSettings.Level.DEBUG) <= 0;
        if (!verbose && !logger.startsWith(OWN_LOGGERS) && !TRUSTED_LIBRARIES.matcher(logger).lookingAt()) {
            pattern = "(a library's message, withheld above debug level)";
            arguments = null;
        }
        Scrubber scrub = scrubber;
        Object[] shown = arguments == null ? new Object[0] : Arrays.stream(arguments)
                .map(a -> a instanceof Throwable t ? scrub.summary(t, verbose) : a).toArray();
        Throwable detached = thrown;
        // An exception given for the last placeholder ("failed: {}") is shown in place, without its stack.
        if (thrown != null && placeholders(pattern) > shown.length) {
            shown = Arrays.copyOf(shown, shown.length + 1);
            shown[shown.length - 1] = scrub.summary(thrown, verbose);
            detached = null;
        }
        String message = scrub.masked(String.valueOf(MessageFormatter.basicArrayFormat(pattern, shown)));
        List<String> exception = thrown == null ? List.of() : scrub.describe(thrown, verbose);
        List<String> stack = detached == null ? List.of() : Arrays.stream(detached.getStackTrace())
                .limit(STACK_FRAMES).map(StackTraceElement::toString).toList();
        Map<String, String> context = mdc.getCopyOfContextMap();
        LogLine line = new LogLine(clock.instant(), level, logger, message, context == null ? Map.of() : context,
                exception, stack, thrown != null && detached == null);
        String text = settings.format() == LogSettings.Format.JSON ? line.json() : line.plain();
        synchronized (this) {
            out.accept(text);
        }
    }

    private static int placeholders(String pattern) {
        if (pattern == null) {
            return 0;
        }
        int count = 0;
        for (int at = pattern.indexOf("{}"); at >= 0; at = pattern.indexOf("{}", at + 2)) {
            count++;
        }
        return count;
    }
}

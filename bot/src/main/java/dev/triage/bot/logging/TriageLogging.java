package dev.triage.bot.logging;

import dev.triage.bot.config.LogSettings;
import java.time.Clock;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider (found through {@code META-INF/services}): every logger of the process writes through one
 * {@link LogSink}, in plain text until {@link #configure} says otherwise.
 */
public final class TriageLogging implements SLF4JServiceProvider {
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private LogSink sink;

    /**
     * Applies the settings to the process's logging. SLF4J owns the provider, so this reaches it through SLF4J;
     * when another backend is bound (a library's test setup), the settings do not apply and nothing happens.
     */
    public static void configure(LogSettings settings) {
        if (LoggerFactory.getILoggerFactory() instanceof LogSink sink) {
            sink.configure(settings);
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return sink;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // System.err as it is when a line is written, so a redirection made later applies.
        sink = new LogSink(mdc, Clock.systemUTC(), line -> System.err.println(line));
    }
}

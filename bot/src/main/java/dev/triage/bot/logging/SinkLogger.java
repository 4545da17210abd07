package dev.triage.bot.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

/** A named logger that hands every enabled event to the sink. */
final class SinkLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient LogSink sink;

    SinkLogger(String name, LogSink sink) {
        this.name = name;
        this.sink = sink;
    }

    @Override
    public boolean isTraceEnabled() {
        return sink.enabled(name, Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return sink.enabled(name, Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return sink.enabled(name, Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return sink.enabled(name, Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return sink.enabled(name, Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable thrown) {
        sink.write(level, name, pattern, arguments, thrown);
    }
}

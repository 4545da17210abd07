package dev.triage.bot.cli;

import dev.triage.bot.backlog.BacklogTriage;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long batch on standard error. On a terminal, a bar redrawn in place at most five times a second;
 * otherwise (a log file, CI) a plain line every ten seconds, which reads well in a log and does not fill it. Short
 * runs, under two seconds, show nothing: the summary line is enough.
 */
final class ProgressMeter implements BacklogTriage.Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long BAR_EVERY_NANOS = 200_000_000L;
    private static final long LINE_EVERY_NANOS = 10_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long started;
    private long shown;
    private boolean drawn;

    /** @param terminal whether standard error is a terminal (the launcher tells, Java 17 cannot) */
    ProgressMeter(PrintStream err, boolean terminal, LongSupplier nanos) {
        this.err = err;
        this.terminal = terminal;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
        this.shown = started;
    }

    @Override
    public void update(int done, int total) {
        long now = nanos.getAsLong();
        if (now - started < QUIET_NANOS || now - shown < (terminal ? BAR_EVERY_NANOS : LINE_EVERY_NANOS)) {
            return;
        }
        shown = now;
        double rate = done / ((now - started) / 1e9);
        if (terminal) {
            int filled = (int) ((long) BAR_WIDTH * done / total);
            err.printf(Locale.ROOT, "\r[%s%s] %,d/%,d %3d%% %,.0f/s ", "#".repeat(filled),
                    ".".repeat(BAR_WIDTH - filled), done, total, 100L * done / total, rate);
            drawn = true;
        } else {
            err.printf(Locale.ROOT, "triage: %,d of %,d tickets (%d%%), %,.0f per second%n", done, total,
                    100L * done / total, rate);
        }
        err.flush();
    }

    /** Ends the bar's line, so the summary starts on a line of its own. */
    void finish() {
        if (drawn) {
            err.println();
        }
    }
}

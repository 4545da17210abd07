package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
    private static final long SECOND = 1_000_000_000L;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong();

    @Test
    void aShortRunShowsNothing() {
        ProgressMeter meter = meter(true);
        for (int i = 1; i <= 100; i++) {
            now.addAndGet(SECOND / 100);
            meter.update(i, 100);
        }
        meter.finish();
        assertThat(shown()).isEmpty();
    }

    @Test
    void onATerminalABarIsRedrawnInPlaceAtMostFiveTimesASecondThenEndsItsLine() {
        ProgressMeter meter = meter(true);
        now.set(3 * SECOND);
        meter.update(3_000, 10_000);
        now.addAndGet(SECOND / 10);
        meter.update(3_100, 10_000);
        now.addAndGet(SECOND / 10);
        meter.update(3_200, 10_000);
        meter.finish();
        assertThat(shown()).isEqualTo("\r[#########.....................] 3,000/10,000  30% 1,000/s "
                + "\r[#########.....................] 3,200/10,000  32% 1,000/s \n");
    }

    @Test
    void elsewhereAPlainLineEveryTenSeconds() {
        ProgressMeter meter = meter(false);
        for (int second = 1; second <= 25; second++) {
            now.set(second * SECOND);
            meter.update(second * 100, 2_500);
        }
        meter.finish();
        assertThat(shown()).isEqualTo("triage: 1,000 of 2,500 tickets (40%), 100 per second\n"
                + "triage: 2,000 of 2,500 tickets (80%), 100 per second\n");
    }

    private ProgressMeter meter(boolean terminal) {
        return new ProgressMeter(new PrintStream(err, true, StandardCharsets.UTF_8), terminal, now::get);
    }

    private String shown() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

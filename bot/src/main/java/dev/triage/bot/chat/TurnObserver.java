package dev.triage.bot.chat;

import java.time.Duration;

/** Learns of each turn and probe step the core handles, for metrics. Must be fast and thread-safe. */
public interface TurnObserver {
    TurnObserver NONE = new TurnObserver() {
        @Override
        public void turnEnded(String outcome, Duration took) {
        }

        @Override
        public void probeStepEnded(String step, String status) {
        }
    };

    /** A message was stored and answered; {@code outcome} is {@code replied}, {@code rejected}, .... */
    void turnEnded(String outcome, Duration took);

    /** A probe step of a run made on this instance ended with {@code status} ({@code OK}, {@code REFUSED}, ...). */
    void probeStepEnded(String step, String status);
}

package dev.triage.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.conversation.ProbeOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextViewTest {
    @Test
    void probeStepsAreMarkedHealthyFailedOrNeither() {
        assertThat(TextView.mark(step("tcp", "CONNECTED", true))).isEqualTo("✓");
        assertThat(TextView.mark(step("tcp", "TIMEOUT", false))).isEqualTo("✗");
        assertThat(TextView.mark(step("tls", "SKIPPED", false))).isEqualTo("–");
        assertThat(TextView.mark(step("ntlm", "NOT_OFFERED", false))).isEqualTo("–");
    }

    private static ProbeOutcome step(String name, String status, boolean ok) {
        return new ProbeOutcome(name, status, ok, "summary", 1, Map.of());
    }
}

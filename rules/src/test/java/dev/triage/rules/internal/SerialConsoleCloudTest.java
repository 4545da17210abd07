package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.RankedCause;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every large cloud has a serial console (Azure Serial Console, Compute Engine's serial console, AWS's EC2 Serial
 * Console), so the words name no cloud; which cloud it is comes from the cloud's own name, GCE included (issue 13,
 * session 14). The texts are made up.
 */
class SerialConsoleCloudTest {
    private final Engine engine = Engine.load();

    @Test
    void aSerialConsoleNamesNoCloud() {
        assertThat(envSignals("I got in through the serial console and RDP is enabled.")).doesNotContain("azure");
        assertThat(envSignals("Our GCE Windows VM stopped answering on 3389.")).contains("other-cloud");
        assertThat(envSignals("The Azure serial console shows the VM booted.")).contains("azure");
    }

    @Test
    void aComputeEngineVmReachedOnItsSerialConsoleLeadsWithNoAzureCause() {
        String post = "Cannot RDP to our GCE Windows Server 2019 VM. I connected to the serial console and the SAC"
                + " prompt answers, but Remote Desktop times out.";

        List<RankedCause> causes = engine.diagnose(CaseFacts.ofText(post)).causes();
        assertThat(causes).isNotEmpty();
        assertThat(causes.get(0).id()).doesNotStartWith("azure.");
    }

    private static Set<String> envSignals(String text) {
        return SignalExtractor.of(Packs.bundled()).extract(List.of(text)).stream()
                .filter(s -> s.family().equals("env")).map(Signal::id).collect(Collectors.toSet());
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnosis;
import dev.triage.rules.Question;
import dev.triage.rules.RankedCause;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the machine's own screen shows separates the two failures the VM-boot cause holds (a guest that did not boot,
 * a booted guest whose configuration is broken), which the text cannot (issue 13, session 16, branch dialogue):
 * console-works' answers screen / stuck / off (answers.tsv), the question asked first when the paste names the
 * portal's VM tools beside Boot diagnostics (at-hand), and never when the paste already shows the screen
 * (answered-by). The texts are made up.
 */
class VmScreenAnswerTest {
    private final Engine engine = Engine.load();

    private static final String AZURE_0X204 = "Remote Desktop cannot connect to the remote computer: the Azure VM is"
            + " not responding. Error code: 0x204";
    private static final String AZURE_TOOLS = "Remote Desktop can't connect to the remote computer (0x204), an Azure"
            + " VM. The connection times out. I tried Redeploy + reapply, still nothing.";

    private Diagnosis diagnose(String text, Map<String, String> answers) {
        return engine.diagnose(new CaseFacts(List.of(text), List.of(), answers, List.of(), List.of(),
                Optional.empty()));
    }

    private double confidence(Diagnosis d, String cause) {
        return d.causes().stream().filter(c -> c.id().equals(cause)).mapToDouble(RankedCause::confidence)
                .findFirst().orElse(0);
    }

    @Test
    void aScreenStuckInBootSettlesTheVmThatDidNotBoot() {
        Diagnosis before = diagnose(AZURE_0X204, Map.of());
        Diagnosis stuck = diagnose(AZURE_0X204, Map.of("console-works", "stuck"));
        assertThat(stuck.causes().get(0).id()).isEqualTo("azure.vm-agent-or-boot");
        assertThat(confidence(stuck, "azure.vm-agent-or-boot"))
                .isGreaterThan(confidence(before, "azure.vm-agent-or-boot") + 0.15);
    }

    /** Booted: the guest's configuration is what remains of the cause, beside its firewall and the security group. */
    @Test
    void aSignInScreenLeavesTheGuestConfigurationBesideTheFirewalls() {
        Diagnosis before = diagnose(AZURE_0X204, Map.of());
        Diagnosis screen = diagnose(AZURE_0X204, Map.of("console-works", "screen"));
        assertThat(confidence(screen, "azure.vm-agent-or-boot"))
                .isLessThan(confidence(before, "azure.vm-agent-or-boot") - 0.1);
        assertThat(confidence(screen, "net.port-blocked")).isGreaterThan(confidence(before, "net.port-blocked"));
        assertThat(confidence(screen, "net.unreachable")).isLessThanOrEqualTo(confidence(before, "net.unreachable") / 2);
    }

    @Test
    void aMachineThatIsOffOnPremisesIsUnreachable() {
        String text = "Remote Desktop can't connect to the remote computer (0x204) since this morning.";
        Diagnosis off = diagnose(text, Map.of("console-works", "off", "environment", "on-premises"));
        assertThat(off.causes().get(0).id()).isEqualTo("net.unreachable");
    }

    @Test
    void aPasteNamingThePortalsVmToolsIsAskedWhatTheScreenShowsFirst() {
        Diagnosis d = diagnose(AZURE_TOOLS, Map.of());
        assertThat(d.questions()).as(d.causes().toString()).filteredOn(q -> !q.freeText())
                .extracting(Question::id).first().isEqualTo("console-works");
    }

    @Test
    void aPasteThatShowsTheScreenIsNotAskedForIt() {
        String text = "RDP to my Azure VM fails with 0x204; I tried redeploy. The boot diagnostics screenshot is stuck"
                + " on Getting Windows ready.";
        assertThat(diagnose(text, Map.of()).questions()).extracting(Question::id).doesNotContain("console-works");
    }
}

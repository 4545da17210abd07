package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.RankedCause;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Windows' Special Administration Console reached through a cloud's serial console (Microsoft Learn "Azure Serial
 * Console for Windows": the SAC> prompt, then cmd and "ch -si 1" to a signed-in command prompt): the guest runs, so
 * the serial console named is the tool, not a VM stuck in boot (issue 13, session 15, branch planner; phrases.txt
 * sac-reached and console-works-retold, serial-console.drl). The texts are made up.
 */
class SerialConsoleSacTest {
    private final Engine engine = Engine.load();

    @Test
    void theSacPromptAndItsChannelSignInAreRead() {
        assertThat(textSignals("The serial console shows SAC> and nothing else.")).contains("sac-reached");
        assertThat(textSignals("I reached the Special Administration Console.")).contains("sac-reached");
        assertThat(textSignals("At SAC> I typed cmd, then ch -si 1 and signed in.")).contains("console-works-retold");
        assertThat(textSignals("The serial console is blank.")).doesNotContain("sac-reached", "console-works-retold");
    }

    @Test
    void aSignInThroughTheSerialConsoleTakesTheBootCauseOff() {
        String post = "Our Windows Server VM stopped taking RDP this morning. In the serial console I get the SAC>"
                + " prompt, ran cmd and ch -si 1 and signed in without problems.";

        assertThat(ids(post)).doesNotContain("azure.vm-agent-or-boot");
    }

    @Test
    void theSacPromptAloneWeighsLessForTheBootCauseThanASilentConsole() {
        String silent = "Our Windows Server VM stopped taking RDP this morning. The serial console shows nothing.";
        String prompt = "Our Windows Server VM stopped taking RDP this morning. The serial console shows the SAC> prompt.";

        assertThat(confidence(prompt, "azure.vm-agent-or-boot"))
                .isLessThan(confidence(silent, "azure.vm-agent-or-boot") - 0.1);
    }

    private List<String> ids(String post) {
        return engine.diagnose(CaseFacts.ofText(post)).causes().stream().map(RankedCause::id).toList();
    }

    private double confidence(String post, String cause) {
        return engine.diagnose(CaseFacts.ofText(post)).causes().stream().filter(c -> c.id().equals(cause))
                .mapToDouble(RankedCause::confidence).findFirst().orElse(0);
    }

    private static Set<String> textSignals(String text) {
        return SignalExtractor.of(Packs.bundled()).extract(List.of(text)).stream()
                .filter(s -> s.family().equals("text")).map(Signal::id).collect(Collectors.toSet());
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two families split by what each member says (issue 13, session 15, branch bootwords). Any machine's boot words ("not
 * booting", "boot loop", "stuck on updates") left vm-agent, where they weighed +12 for Azure's VM agent and two rules
 * took that back: they are boot-words now, a hint alone (+4) and Azure's boot register beside Azure named (+12 in all,
 * boot-words.drl). Windows XP named as the side the user connects from is an NLA client without CredSSP turned on
 * (Microsoft KB 951608), not a server on the RDP security layer (xp-client-named). Made-up texts in users' words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootWordsAndXpClientSplitTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();
    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());

    /** The words of a machine that does not come up name no cloud and no agent. */
    @Test
    void bootWordsAreTheirOwnFamilyNotAzuresAgent() {
        String pc = "Since last night the office PC is stuck in a boot loop, so of course RDP times out.";
        assertThat(textSignals(pc)).contains("boot-words").doesNotContain("vm-agent");
        fire.assertRaisesRow("boot-words", "azure.vm-agent-or-boot", 4, pc);
        assertThat(textWeight(pc, "azure.vm-agent-or-boot")).isEqualTo(4);
    }

    /** On an Azure VM the same words are Microsoft Learn's "My VM is not booting" and weigh the agent's +12. */
    @Test
    void anAzureVmThatDoesNotBootIsAzuresBootCause() {
        String azure = "My Azure VM won't boot after the patch night and RDP fails with 0x204.";
        assertThat(textWeight(azure, "azure.vm-agent-or-boot")).isEqualTo(12);
        assertThat(ranked(azure).get(0)).isEqualTo("azure.vm-agent-or-boot");
    }

    /** "Stuck at Welcome" is a sign-in stage of a booted machine, and an update applied is the update's story. */
    @Test
    void aSignInStageOrAnAppliedUpdateIsNoBootFailure() {
        String welcome = "After I type the password the RDP session is stuck at Welcome for ten minutes.";
        String update = "After applying updates last night RDP to the server shows an internal error.";
        for (String text : List.of(welcome, update)) {
            assertThat(textSignals(text)).as(text).doesNotContain("boot-words", "vm-agent");
            assertThat(textWeight(text, "azure.vm-agent-or-boot")).as(text).isLessThanOrEqualTo(0);
        }
    }

    /** XP as the client: its Remote Desktop Connection does NLA only with CredSSP turned on (KB 951608). */
    @Test
    void windowsXpAsTheClientIsNlasStoryNotTheServersSecurityLayer() {
        String client = "From Windows XP I cannot connect to the new Windows 10 PC, it says the remote computer"
                + " requires Network Level Authentication.";
        assertThat(textSignals(client)).contains("xp-client-named", "pre-2008-windows-named");
        fire.assertRaisesRow("xp-client-named", "nla.mismatch", 4, client);
        assertThat(textWeight(client, "server.legacy-security-layer")).isLessThanOrEqualTo(0);
        assertThat(ranked(client).stream().limit(3).toList()).doesNotContain("server.legacy-security-layer");
    }

    /** XP as the target keeps the server's reading. */
    @Test
    void windowsXpAsTheServerKeepsTheSecurityLayerReading() {
        String server = "Connecting to a Windows XP box from Windows 11 fails with a security error.";
        assertThat(textSignals(server)).contains("pre-2008-windows-named").doesNotContain("xp-client-named");
        fire.assertRaisesRow("pre-2008-windows-named", "server.legacy-security-layer", 6, server);
    }

    private Set<String> textSignals(String text) {
        return extractor.extract(List.of(text)).stream().filter(s -> s.family().equals("text")).map(Signal::id)
                .collect(Collectors.toSet());
    }

    private int textWeight(String message, String cause) {
        return fire.text(message).contributions().stream()
                .filter(c -> !c.hypothetical() && c.causeId().equals(cause) && !c.rule().startsWith("environment:"))
                .mapToInt(Contribution::weight).sum();
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnosis;
import dev.triage.rules.RankedCause;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What runs on the remote computer can make a cause impossible by definition, not merely unlikely: RDS licensing and
 * its grace period are a Windows Session Host role, a Microsoft account and an Entra join are Windows sign-ins, xrdp
 * runs on Linux and BSD only, and an Azure Virtual Desktop session never reaches this PC's own console. Those answer
 * rows are -20 like the environment's rule-outs (session 15): at -10 a cause the text proposes strongly still led
 * after the answer that excludes it (all three tests failed so). The texts are made up from the vendors' messages.
 */
class ServerKindRuleOutTest {
    private final Engine engine = Engine.load();

    private static final String NO_LICENSE_SERVER = "The remote session was disconnected because there are no Remote"
            + " Desktop License Servers available to provide a license.";

    @Test
    void aLinuxServerLeavesNoLicensingCause() {
        assertThat(ranked(NO_LICENSE_SERVER, Map.of()).get(0)).startsWith("license.");
        assertThat(ranked(NO_LICENSE_SERVER, Map.of("server-kind", "linux")).get(0)).doesNotStartWith("license.");
    }

    private static final String MICROSOFT_ACCOUNT = "I sign in to the PC with my Microsoft account (outlook.com email)"
            + " and Remote Desktop says the credentials did not work.";

    @Test
    void aLinuxServerLeavesNoWindowsAccountCause() {
        assertThat(ranked(MICROSOFT_ACCOUNT, Map.of()).get(0)).isEqualTo("auth.microsoft-account");
        assertThat(ranked(MICROSOFT_ACCOUNT, Map.of("server-kind", "linux")).get(0))
                .isNotIn("auth.microsoft-account", "auth.entra-joined-target");
    }

    private static final String LOCALHOST = "I connect mstsc to localhost and get: Your computer could not connect to"
            + " another console session on the remote computer because you already have a console session in progress.";

    @Test
    void anAzureVirtualDesktopSessionIsNeverThisPcsOwnConsole() {
        assertThat(ranked(LOCALHOST, Map.of()).get(0)).isEqualTo("client.loopback-self-connect");
        assertThat(ranked(LOCALHOST, Map.of("server-kind", "avd")).get(0)).isNotEqualTo("client.loopback-self-connect");
    }

    private List<String> ranked(String text, Map<String, String> answers) {
        Diagnosis d = engine.diagnose(new CaseFacts(List.of(text), List.of(), answers, List.of(), List.of(),
                Optional.empty()));
        return d.causes().stream().map(RankedCause::id).toList();
    }
}

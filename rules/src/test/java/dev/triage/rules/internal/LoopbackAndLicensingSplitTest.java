package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Session 14 (branch licloop): the loopback family split by what each member says (mstsc's console-session refusal
 * against a bare loopback address), a tunnel's local end that is no self-connect (loopback-forward.drl), and a
 * licensing deployment named by Microsoft's own settings (licensing-accounts.drl). The texts are made up in the
 * register of admin forums; none is a development case's wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopbackAndLicensingSplitTest {
    private static final String LOOPBACK = "client.loopback-self-connect";
    private static final String TUNNEL_RULE = "loopback: localhost named as a tunnel's local end is no connection to one's own console";
    private static final String DEPLOYED_RULE = "licensing: Microsoft's licensing settings name a deployment, so its server or CALs failed";
    private static final String CONSOLE_REFUSAL = "Your computer could not connect to another console session on the "
            + "remote computer because you already have a console session in progress.";
    private static final String NO_SERVER_DIALOG = "The remote session was disconnected because there are no Remote "
            + "Desktop License Servers available to provide a license.";

    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void theConsoleRefusalAndTheAddressAreSeparateFamilies() {
        List<Signal> signals = extractor.extract(List.of("mstsc /v:localhost says: " + CONSOLE_REFUSAL));

        assertThat(signals).extracting(Signal::id).contains("console-session", "loopback-address");
        assertThat(extractor.extract(List.of("mstsc /v:127.0.0.1 fails"))).extracting(Signal::id)
                .contains("loopback-address").doesNotContain("console-session");
    }

    @Test
    void theConsoleRefusalOutweighsABareLoopbackAddress() {
        fire.assertRaisesRow("console-session", LOOPBACK, 14, CONSOLE_REFUSAL);
        fire.assertRaisesRow("loopback-address", LOOPBACK, 8, "I point mstsc at 127.0.0.1 and nothing happens");
    }

    @Test
    void localhostThroughAnSshTunnelIsTheTunnelsLocalEnd() {
        String message = "I set up an SSH tunnel (ssh -L 33389:10.0.0.5:3389 me@bastion) and mstsc to localhost:33389 "
                + "just hangs at 'Configuring remote session', then fails.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(TUNNEL_RULE, LOOPBACK, -8));
        assertThat(ranked(message).get(0)).isNotEqualTo(LOOPBACK);
    }

    @Test
    void aPortForwardToLocalhostIsNoSelfConnectEither() {
        assertThat(Fire.pairs(fire.text("kubectl port-forward to the Windows pod, then RDP to 127.0.0.1:13389 fails")))
                .contains(tuple(TUNNEL_RULE, LOOPBACK));
    }

    @Test
    void aTunnelThatMeetsTheConsoleRefusalIsStillTheSelfConnect() {
        String message = "Through my SSH tunnel to localhost:3389 I get: " + CONSOLE_REFUSAL;

        assertThat(Fire.pairs(fire.text(message))).extracting(pair -> pair.toList().get(0)).doesNotContain(TUNNEL_RULE);
        assertThat(ranked(message).get(0)).isEqualTo(LOOPBACK);
    }

    @Test
    void aBareLoopbackDialStillPointsAtTheSelfConnect() {
        assertThat(ranked("Remote Desktop to localhost on my own PC does not work, what am I doing wrong?").get(0))
                .isEqualTo(LOOPBACK);
    }

    @Test
    void theLicensingPolicyNamesADeploymentThatBroke() {
        String message = "The grace period is long over; the policy 'Use the specified Remote Desktop license servers' "
                + "points at our licensing host and users now get: " + NO_SERVER_DIALOG;

        assertThat(Fire.said(fire.text(message))).contains(tuple(DEPLOYED_RULE, "license.no-server", 6),
                tuple(DEPLOYED_RULE, "license.grace-expired", -6));
        assertThat(ranked(message).get(0)).isEqualTo("license.no-server");
    }

    @Test
    void thePolicyLeftEmptyBecauseNoServerWasEverSetUpIsNoDeployment() {
        String message = "'Use the specified Remote Desktop license servers' is not configured, we never set up a "
                + "license server; after 120 days users get: " + NO_SERVER_DIALOG;

        assertThat(Fire.pairs(fire.text(message))).extracting(pair -> pair.toList().get(0)).doesNotContain(DEPLOYED_RULE);
        assertThat(ranked(message).get(0)).isEqualTo("license.grace-expired");
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}

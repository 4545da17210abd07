package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.disconnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswersDrlTest {
    private final Fire fire = new Fire();

    @Test
    void azureAnswerLiftsNsgAndMachineKeys() {
        assertThat(Fire.said(fire.answers(Map.of("environment", "azure")))).contains(
                tuple("answers: an Azure VM lifts its security group", "azure.nsg", 3),
                tuple("answers: an Azure VM is reached through a security group", "azure.nsg", 3),
                tuple("answers: an Azure VM may not have booted or its agent is broken", "azure.vm-agent-or-boot", 5));
    }

    @Test
    void otherHostsWorkingLiftsServerCausesAndLowersClientAndPathCauses() {
        var said = Fire.said(fire.answers(Map.of("other-hosts-work", "yes")));
        assertThat(said).contains(
                tuple("answers: other hosts work, so the fault is on this server", "cert.expired", 6),
                tuple("answers: other hosts work, so neither this PC nor its network path is at fault",
                        "net.vpn-unstable", -6),
                tuple("answers: other hosts work, so neither this PC nor its network path is at fault",
                        "client.av-blocking", -6));
        assertThat(said).as("a client too old for this one server, or a fingerprint saved for its name, predicts it")
                .contains(tuple("answers: other hosts work, which a fault of this PC with this one server also explains",
                        "client.outdated-app", 3))
                .doesNotContain(tuple("answers: other hosts work, so neither this PC nor its network path is at fault",
                        "client.stale-cert-fingerprint", -6));
    }

    @Test
    void ipWorkingSupportsDnsAndLowersReachability() {
        assertThat(Fire.said(fire.answers(Map.of("ip-works", "yes")))).contains(
                tuple("answers: the IP works where the name fails", "net.dns-wrong", 8), // 12 until session 15: above its ceiling (answers.tsv)
                tuple("answers: the IP works, so the host and port are reachable", "net.port-blocked", -6),
                tuple("answers: credentials are saved for a name, not for its IP", "client.cached-credentials", 4));
    }

    @Test
    void vpnAnswerLiftsVpnInstability() {
        assertThat(Fire.said(fire.answers(Map.of("vpn", "vpn")))).contains(
                tuple("answers: through a VPN", "net.vpn-unstable", 4));
    }

    /** "Another client works" weighs this client's faults and the negotiation mismatches alike (issue 13, k013). */
    @Test
    void anotherClientWorkingFavoursNoClientCauseOverANegotiationMismatch() {
        var said = Fire.said(fire.answers(Map.of("other-clients-work", "yes")));
        assertThat(said).contains(
                tuple("answers: another client works, so this client is at fault", "client.outdated-app", 3),
                tuple("answers: another client works, which a client/server negotiation mismatch also explains",
                        "server.legacy-security-layer", 3),
                tuple("answers: another client works, which a client/server negotiation mismatch also explains",
                        "tls.version-mismatch", 3));
        assertThat(sumFor(said, "client.outdated-app")).isEqualTo(sumFor(said, "server.legacy-security-layer"));
    }

    /** An Azure VM that rejected the password passed its security group: the answer adds nothing to the NSG. */
    @Test
    void azureAfterASignInErrorSaysNothingAboutTheSecurityGroup() {
        var afterSignIn = Fire.said(fire.fire(facts("The user name or password is incorrect.", "environment", "azure")));
        assertThat(sumFor(afterSignIn, "azure.nsg")).isZero();
        var afterTimeout = Fire.said(fire.fire(facts("The connection attempt timed out.", "environment", "azure")));
        assertThat(sumFor(afterTimeout, "azure.nsg")).as("before the server spoke the answer counts").isEqualTo(6);
        assertThat(sumFor(afterSignIn, "azure.vm-agent-or-boot")).as("a VM that asked for a password has booted")
                .isZero();
        assertThat(sumFor(afterTimeout, "azure.vm-agent-or-boot")).isEqualTo(5);
        var refused = Fire.said(fire.fire(facts("No connection could be made because the target machine actively"
                + " refused it.", "environment", "azure")));
        assertThat(sumFor(refused, "azure.nsg")).as("a security group drops, it does not refuse").isZero();
    }

    /**
     * Every wording of a refused sign-in counts as the server having spoken, not only the English "user name or
     * password": mstsc's NLA dialog ("The credentials that were used to connect to ... did not work"), its Japanese
     * form, and the German and CJK logon-right messages.
     */
    @Test
    void azureAfterAnySignInRefusalSaysNothingAboutTheSecurityGroup() {
        for (String text : List.of("The credentials that were used to connect to 10.0.0.4 did not work.",
                "お使いの資格情報は機能しませんでした",
                "Um sich über Remotedesktopdienste anzumelden, benötigen Sie das Recht \"Anmelden über"
                        + " Remotedesktopdienste zulassen\".")) {
            var said = Fire.said(fire.fire(facts(text, "environment", "azure")));
            assertThat(sumFor(said, "azure.nsg")).as(text).isZero();
            assertThat(sumFor(said, "azure.vm-agent-or-boot")).as(text).isZero();
        }
    }

    /** A codec or graphics mode only this server's display stack cannot serve is a fault of this PC with one server. */
    /**
     * A server that rejected the password completed TLS with its certificate key, so "Azure VM" no longer lifts a
     * corrupt MachineKeys folder there; before the server spoke (a timeout, an internal error) it still does.
     */
    @Test
    void azureAfterASignInErrorSaysNothingAboutABrokenCertificateKey() {
        var afterSignIn = Fire.said(fire.fire(facts("The user name or password is incorrect.", "environment", "azure")));
        assertThat(sumFor(afterSignIn, "cert.machinekeys-corrupt")).isZero();
        var internal = Fire.said(fire.fire(facts("An internal error has occurred.", "environment", "azure")));
        assertThat(sumFor(internal, "cert.machinekeys-corrupt")).isEqualTo(3);
    }

    @Test
    void otherHostsWorkingIsWhatACodecSettingForOneServerPredicts() {
        var said = Fire.said(fire.answers(Map.of("other-hosts-work", "yes")));
        assertThat(sumFor(said, "client.codec-setting")).isEqualTo(3);
        assertThat(sumFor(said, "client.av-blocking")).isEqualTo(-6);
    }

    /** A server's IPS that blocks one client's address or handshake lets another client in ("works for my colleague"). */
    @Test
    void anotherClientWorkingIsWhatAServerBlockingOneClientPredicts() {
        var said = Fire.said(fire.answers(Map.of("other-clients-work", "yes")));
        assertThat(sumFor(said, "server.av-ids-blocking")).isEqualTo(3);
        assertThat(sumFor(said, "server.termservice-down")).as("a service that is down stops every client").isEqualTo(-3);
    }

    /**
     * A third-party server's defect is often one client's interoperability with it (article
     * server-rdp-implementation-bug: "works with Remmina, not with the Windows App"): another client working predicts
     * it as it predicts the negotiation mismatches, not as a server fault that stops every client (session 15).
     */
    @Test
    void anotherClientWorkingIsWhatAThirdPartyServersInteroperabilityDefectPredicts() {
        var said = Fire.said(fire.answers(Map.of("other-clients-work", "yes")));
        assertThat(sumFor(said, "server.rdp-implementation-bug")).isEqualTo(3);
        assertThat(sumFor(said, "server.rdp-implementation-bug")).isEqualTo(sumFor(said, "tls.version-mismatch"));
    }

    /**
     * An Azure VM sits behind its security group and its guest firewall: the answer lifts a blocked port as the pasted
     * word "Azure" does (signals.tsv env azure), and takes it back once the server spoke (session 15).
     */
    @Test
    void azureAnswerLiftsABlockedPortUntilTheServerSpoke() {
        var afterTimeout = Fire.said(fire.fire(facts("The connection attempt timed out.", "environment", "azure")));
        assertThat(sumFor(afterTimeout, "net.port-blocked")).isEqualTo(3);
        var afterSignIn = Fire.said(fire.fire(facts("The user name or password is incorrect.", "environment", "azure")));
        assertThat(sumFor(afterSignIn, "net.port-blocked")).isZero();
    }

    /**
     * The Mac app, Remmina and third-party or web clients are causes of their own when they fail (support, not only a
     * lift of what the text proposed): an app left behind, and for web and embedded clients the NLA they lack.
     */
    @Test
    void aNamedClientProposesItsOwnFaults() {
        assertThat(proposed("client-app", "mac-app")).contains("client.outdated-app");
        assertThat(proposed("client-app", "remmina")).contains("client.outdated-app");
        assertThat(proposed("client-app", "other")).contains("client.outdated-app", "nla.mismatch");
        assertThat(proposed("client-app", "mstsc")).as("mstsc is updated with Windows").doesNotContain(
                "client.outdated-app");
    }

    /** The Mac app named in the paste means what the answer means: its own old build is a candidate. */
    @Test
    void aMacAppNamedInThePasteProposesAnOutdatedAppLikeTheAnswer() {
        CaseFacts mac = new CaseFacts(List.of("Connecting from my Mac the session ends at once."), List.of(), Map.of(),
                List.of(), List.of(), Optional.empty());
        assertThat(fire.fire(mac).contributions()).filteredOn(c -> !c.hypothetical() && !c.lift() && c.weight() > 0)
                .extracting(Contribution::causeId).contains("client.outdated-app");
        CaseFacts windows = new CaseFacts(List.of("Connecting from Windows the session ends at once."), List.of(),
                Map.of(), List.of(), List.of(), Optional.empty());
        assertThat(fire.fire(windows).contributions()).filteredOn(c -> !c.hypothetical() && !c.lift())
                .extracting(Contribution::causeId).doesNotContain("client.outdated-app");
    }

    private List<String> proposed(String question, String answer) {
        return fire.answers(Map.of(question, answer)).contributions().stream()
                .filter(c -> !c.hypothetical() && !c.lift() && c.weight() > 0).map(Contribution::causeId).toList();
    }

    @Test
    void aVpnThatCarriedTheConnectionToARejectedSignInDidNotDropIt() {
        var said = Fire.said(fire.fire(facts("The user name or password is incorrect.", "vpn", "vpn")));
        assertThat(sumFor(said, "net.vpn-unstable")).isZero();
    }

    @Test
    void aCustomPortThatReachedTheSignInIsNeitherBlockedNorWrong() {
        var said = Fire.said(fire.fire(facts("The user name or password is incorrect.", "port", "other")));
        assertThat(sumFor(said, "net.port-blocked")).isZero();
        assertThat(sumFor(said, "net.port-changed")).isZero();
    }

    private static CaseFacts facts(String text, String question, String answer) {
        return new CaseFacts(List.of(text), List.of(), Map.of(question, answer), List.of(), List.of(), Optional.empty());
    }

    /** The summed weight the answers' rules gave a cause (the text's own rules left out). */
    private static int sumFor(List<Tuple> said, String cause) {
        return said.stream().filter(t -> t.toList().get(0).toString().startsWith("answers:"))
                .filter(t -> t.toList().get(1).equals(cause)).mapToInt(t -> (Integer) t.toList().get(2)).sum();
    }

    @Test
    void unansweredOptionsAreEvaluatedAsHypotheses() {
        Outputs out = fire.answers(Map.of(), disconnect("0x904"));
        assertThat(out.contributions()).filteredOn(Contribution::hypothetical)
                .extracting(c -> ((Answer) c.fact()).questionId() + "=" + ((Answer) c.fact()).value())
                .contains("environment=azure", "vpn=vpn", "ip-works=yes", "other-hosts-work=yes");
        assertThat(Fire.said(out)).noneMatch(t -> t.toList().get(0).toString().startsWith("answers:"));
    }
}

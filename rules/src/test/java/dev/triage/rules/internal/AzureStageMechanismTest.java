package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Azure VMs read by the stage that failed (azure-stage.drl): the security group and a VM that has not booted explain a
 * connection nobody answered; a server that answered at the sign-in passed both; the RDP key file is a cause of a
 * failed handshake, not of Azure. The texts are made up in the register of forum posts; none is a development case's
 * wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureStageMechanismTest {
    private static final String SIGN_IN_REACHED =
            "environment: an Azure VM that reached the sign-in passed its security group and has booted";
    private static final String HANDSHAKE_FAILED =
            "environment: an Azure VM whose handshake failed may have lost its RDP key file";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aRejectedPasswordOnAnAzureVmTakesBackTheSecurityGroupAndTheBoot() {
        String message = "RDP to our Azure VM: the user name or password is incorrect, though I reset it in the portal.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(SIGN_IN_REACHED, "azure.nsg", -6),
                tuple(SIGN_IN_REACHED, "azure.vm-agent-or-boot", -3));
        assertThat(ranked(message)).doesNotContain("azure.vm-agent-or-boot");
        assertThat(ranked(message).get(0)).isNotEqualTo("azure.nsg");
    }

    @Test
    void anAzureVmThatTimesOutKeepsItsSecurityGroup() {
        String message = "Cannot RDP to my Azure VM any more, the connection just times out.";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(SIGN_IN_REACHED, "azure.nsg"));
        assertThat(Fire.said(fire.text(message))).extracting(said -> said.toList().get(1))
                .doesNotContain("cert.machinekeys-corrupt");
    }

    @Test
    void anInternalErrorOnAnAzureVmLiftsTheKeyFile() {
        String message = "Azure VM: Remote Desktop says An internal error has occurred right after I click Connect.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(HANDSHAKE_FAILED, "cert.machinekeys-corrupt", 4));
        assertThat(ranked(message).subList(0, 3)).contains("cert.machinekeys-corrupt");
    }

    @Test
    void anInternalErrorOffAzureGetsNoAzureLift() {
        assertThat(Fire.pairs(fire.text("Server 2019 in our office: An internal error has occurred.")))
                .doesNotContain(tuple(HANDSHAKE_FAILED, "cert.machinekeys-corrupt"));
    }

    @Test
    void theAzureAnswerLiftsTheKeyFileOnlyBesideAFailedHandshake() {
        String rule = "answers: an Azure VM whose handshake failed may have lost its RDP key file";
        Map<String, String> azure = Map.of("environment", "azure");

        assertThat(Fire.said(fire.fire(new CaseFacts(List.of("An internal error has occurred."), List.of(), azure,
                List.of(), List.of(), Optional.empty())))).contains(tuple(rule, "cert.machinekeys-corrupt", 3));
        assertThat(Fire.said(fire.fire(new CaseFacts(List.of("The connection times out."), List.of(), azure,
                List.of(), List.of(), Optional.empty())))).extracting(said -> said.toList().get(1))
                .doesNotContain("cert.machinekeys-corrupt");
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Azure Virtual Desktop and Windows 365 connect outbound (reverse connect), so the Azure environment's security-group
 * lift does not hold when the text names them (branch falseleaders, reverse-connect.drl). Made-up texts.
 */
class ReverseConnectTest {
    private static final String RULE = "environment: Azure Virtual Desktop connects outbound, through no inbound security-group rule";

    private final Fire fire = new Fire();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Our Azure Virtual Desktop host pool: users get a black screen and then the Windows App disconnects.",
        "Since Monday my Windows 365 Cloud PC in Azure will not connect from the Windows App.",
        "WVD session in Azure drops every few minutes for users at home."})
    void namingTheReverseConnectProductTakesBackTheSecurityGroup(String message) {
        assertThat(Fire.said(fire.text(message))).as(message).contains(tuple(RULE, "azure.nsg", -6));
    }

    @Test
    void aPlainAzureVmKeepsItsSecurityGroup() {
        String message = "I cannot RDP to my new Azure VM, the connection times out.";

        assertThat(Fire.said(fire.text(message))).extracting(t -> t.toArray()[0]).doesNotContain(RULE);
    }

    @Test
    void theServerKindAnswerSpeaksForItselfSoTheTextIsNotCountedAgain() {
        CaseFacts facts = new CaseFacts(List.of("Azure Virtual Desktop users cannot connect from home."), List.of(),
                Map.of("server-kind", "avd"), List.of(), List.of(), Optional.empty());

        assertThat(Fire.said(fire.fire(facts))).extracting(t -> t.toArray()[0]).doesNotContain(RULE);
    }
}

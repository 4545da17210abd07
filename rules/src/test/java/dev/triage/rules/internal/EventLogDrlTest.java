package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventLogDrlTest {
    private final Fire fire = new Fire();

    @Test
    void schannelPrivateKeyErrorPointsAtTheKeyPermissions() {
        assertThat(Fire.said(fire.text("Source: Schannel\nEvent ID: 36870\nLevel: Error"))).contains(
                tuple("event log: 36870 Schannel cannot open the server's private key", "cert.private-key-permission", 14),
                tuple("event log: 36870 Schannel cannot open the server's private key: a corrupt key store",
                        "cert.machinekeys-corrupt", 10));
    }

    @Test
    void certificateReplacementFailurePointsAtExpiry() {
        assertThat(Fire.pairs(fire.text("The RD Session Host Server has failed to replace the expired self signed certificate")))
                .contains(tuple("event log: 1058 the expired certificate was not replaced", "cert.expired"));
    }

    @Test
    void failedLogonReasonsPickTheAuthenticationCause() {
        assertThat(Fire.pairs(fire.text("Event ID: 4625\nSub Status: 0xC000006A"))).contains(
                tuple("event log: 4625 bad password (0xC000006A)", "auth.bad-credentials"));
        assertThat(Fire.pairs(fire.text("Event ID: 4625\nSub Status: 0xC0000193"))).contains(
                tuple("event log: 4625 the account is locked, disabled or expired, or its password expired",
                        "auth.account-locked-or-expired"));
        assertThat(Fire.pairs(fire.text("Event ID: 4625\nSub Status: 0xC000015B"))).contains(
                tuple("event log: 4625 the logon type is not granted (0xC000015B)", "auth.not-in-rdp-users-group"));
    }

    @Test
    void successfulNetworkSignInLowersNetworkAndCredentialCauses() {
        assertThat(Fire.said(fire.text("Event 1149: Remote Desktop Services: User authentication succeeded"))).contains(
                tuple("event log: 1149 the network sign-in succeeded, so the path and the credentials work",
                        "auth.bad-credentials", -8),
                tuple("event log: 1149 the network sign-in succeeded, so the session setup fails after it",
                        "profile.corrupt", 4));
    }

    @Test
    void temporaryProfileEventsPointAtTheProfile() {
        assertThat(Fire.pairs(fire.text("Event ID 1511 User Profile Service"))).contains(
                tuple("event log: 1511 a temporary profile", "profile.corrupt"));
    }

    @Test
    void clientDisconnectEventFeedsItsReasonToTheCodeRules() {
        assertThat(Fire.pairs(fire.text("RDP ClientActiveX has been disconnected (Reason= 264)"))).contains(
                tuple("codes: a time-out suggests the host is unreachable", "net.unreachable"));
    }
}

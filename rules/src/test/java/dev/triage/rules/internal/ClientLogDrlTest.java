package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientLogDrlTest {
    private final Fire fire = new Fire();

    @Test
    void changedHostKeyPointsAtTheStoredFingerprint() {
        assertThat(Fire.said(fire.text("[ERROR][com.freerdp.crypto] - The host key for pc1:3389 has changed"))).contains(
                tuple("client log: the certificate differs from the one in known_hosts", "client.stale-cert-fingerprint", 14));
    }

    @Test
    void nameMismatchPointsAtTheCertificateName() {
        assertThat(Fire.pairs(fire.text("[ERROR][com.freerdp.crypto] - @ WARNING: CERTIFICATE NAME MISMATCH! @"))).contains(
                tuple("client log: the certificate names another host", "cert.name-mismatch"));
    }

    @Test
    void refusedConnectPointsAtTheListener() {
        assertThat(Fire.pairs(fire.text("[ERROR][com.freerdp.core.tcp] - connect() failed: Connection refused"))).contains(
                tuple("client log: connection refused: nothing listens", "server.termservice-down"),
                tuple("client log: connection refused: RDP listens on another port", "net.port-changed"));
    }

    @Test
    void resetLineAddsMiddleboxAndSecuritySoftware() {
        assertThat(Fire.pairs(fire.text("[ERROR][com.freerdp.core.transport] - BIO_read returned a system error 104"))).contains(
                tuple("client log: the server reset the connection: a middlebox", "net.idle-reset"),
                tuple("client log: the server reset the connection: security software", "server.av-ids-blocking"));
    }

    @Test
    void refusedCredentialsShowThatNlaWorks() {
        assertThat(Fire.said(fire.text("[ERROR][com.freerdp.core.nla] - SSPI error: SEC_E_LOGON_DENIED"))).contains(
                tuple("client log: the credentials were refused inside NLA, so NLA itself works", "nla.mismatch", -6));
    }

    @Test
    void lockedAccountFromNla() {
        assertThat(Fire.pairs(fire.text("[ERROR][com.freerdp.core.nla] - STATUS_ACCOUNT_DISABLED"))).contains(
                tuple("client log: the account is locked, disabled or expired", "auth.account-locked-or-expired"));
    }
}

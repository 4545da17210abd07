package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The account, group and licensing families and mechanisms of issue 13: each message is a vendor's own text (mstsc's
 * licensing messages as Microsoft's Remote Desktop Web Connection scripts publish them, Microsoft Learn's access-denied
 * register and its French and German editions, FreeRDP's errorInfo texts, xrdp's sesman log line), written out with a made-up name, and must raise
 * its family's row; each mechanism fires on its combination and stays silent without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountWordingTest {
    private static final String ENTRA_RIGHT =
            "mechanism: a refused sign-in right on an Entra-joined PC is the right, not the Entra sign-in";
    private static final String ACCOUNT_STATE_IN_NLA =
            "mechanism: an account state reported during NLA means NLA itself was negotiated";
    private static final String LICENCE_EXPIRED = "mechanism: licensing wording with a word of expiry is the ended grace period";
    private static final String MSA_NEGATED =
            "mechanism: rejected credentials of an account said not to be a Microsoft account point at the name form";

    private final Fire fire = new Fire();

    static Stream<Arguments> messages() {
        return Stream.of(
                row("rdp-users-de", "auth.not-in-rdp-users-group", 16,
                        "Der Benutzer fehlt in der Gruppe Remotedesktopbenutzer."),
                row("rdp-users-learn", "auth.not-in-rdp-users-group", 14, "User is not authorized."),
                row("rdp-users-learn", "auth.not-in-rdp-users-group", 14, "L'utilisateur n'est pas autorisé."),
                row("logon-type-restricted-de", "auth.not-in-rdp-users-group", 14, "Remotedesktopverbindung: Der"
                        + " Systemadministrator hat den Typ der Anmeldung (Netzwerk oder interaktiv) eingeschränkt, die"
                        + " Sie verwenden können."),
                row("xrdp-group", "auth.not-in-rdp-users-group", 14, "[INFO ] login denied for user alice"),
                row("license-server-none", "license.no-server", 12, "The remote session was disconnected because there"
                        + " are no Remote Desktop License Servers available to provide a license."),
                row("license-server-none", "license.no-server", 12, "由于没有终端服务器许可证服务器可以提供许可证，远程会话被中断。"),
                row("license-cal-none", "license.grace-expired", 10, "The remote session was disconnected because the"
                        + " remote computer is not licensed to accept remote connections."),
                row("license-cal-none", "license.grace-expired", 10, "The remote session was disconnected because the"
                        + " local computer's client access license could not be upgraded or renewed."),
                row("no-password-field", "auth.microsoft-account", 10,
                        "The sign-in screen shows my picture but no password field."),
                row("non-admin-user", "auth.not-in-rdp-users-group", 8, "It works for me, but a standard user cannot"
                        + " connect."),
                row("license-server-none", "license.no-server", 12, "A Remote Desktop License Server ([MS-RDPELE]"
                        + " section 1.1) could not be found to provide a license."),
                row("license-cal-none", "license.grace-expired", 10, "There are no Client Access Licenses ([MS-RDPELE]"
                        + " section 1.1) available for the target remote computer."),
                row("insufficient-access", "auth.not-in-rdp-users-group", 14,
                        "The user cannot connect to the server due to insufficient access privileges."),
                row("logon-type-restricted-cjk", "auth.not-in-rdp-users-group", 14, "リモート デスクトップ接続: システム管理者は、"
                        + "使用できるログオンの種類 (ネットワークまたは対話型) を制限しました。"),
                row("logon-type-restricted-cjk", "auth.not-in-rdp-users-group", 14,
                        "远程桌面连接:系统管理员已限制可以使用的登录类型(网络或交互式)。"),
                row("bad-password-ja", "auth.bad-credentials", 4, "お使いの資格情報は機能しませんでした"),
                row("msa-name-form", "auth.microsoft-account", 14,
                        "I typed MicrosoftAccount\\someone@example.com as the user name"),
                row("fresh-credentials", "client.cached-credentials", 14, "The server does not accept saved user"
                        + " credentials and requires that the user enter their credentials for each connection."));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("messages")
    void vendorMessageRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void aRefusedRightOnAnEntraJoinedPcWeakensTheEntraSignIn() {
        assertThat(Fire.said(fire.text("Azure AD joined PC: The connection was denied because the user account is not"
                + " authorized for remote login."))).contains(tuple(ENTRA_RIGHT, "auth.entra-joined-target", -8));
        assertThat(Fire.pairs(fire.text("Azure AD joined PC: your credentials did not work"))).doesNotContain(
                tuple(ENTRA_RIGHT, "auth.entra-joined-target"));
    }

    @Test
    void anAccountStateInsideNlaIsNoNlaMismatch() {
        assertThat(Fire.said(fire.text("CredSSP: HYBRID_REQUIRED_BY_SERVER, ErrorCode = c0000224 (password must"
                + " change)"))).contains(tuple(ACCOUNT_STATE_IN_NLA, "nla.mismatch", -10));
        CodeFact lockedOut = new CodeFact("status", "0xc0000234", 0xC0000234L, "STATUS_ACCOUNT_LOCKED_OUT",
                Map.of("auth.account-locked-or-expired", 14));
        assertThat(Fire.said(fire.fire(new CaseFacts(List.of("NLA/CREDSSP Authentication Failed"), List.of(lockedOut),
                Map.of(), List.of(), List.of(), Optional.empty()))))
                .contains(tuple(ACCOUNT_STATE_IN_NLA, "nla.mismatch", -10));
        assertThat(Fire.said(fire.fire(new CaseFacts(List.of("nla_recv_pdu failed"),
                List.of(Fire.errconnect("ERRCONNECT_PASSWORD_MUST_CHANGE")), Map.of(), List.of(), List.of(),
                Optional.empty())))).contains(tuple(ACCOUNT_STATE_IN_NLA, "nla.mismatch", -10));
    }

    @Test
    void freeRdpsPasswordCertainlyExpiredIsNoAccountState() {
        // The eval README's red herring: this name follows a CredSSP change, so it must not argue NLA away.
        assertThat(Fire.pairs(fire.fire(new CaseFacts(List.of("NLA: tlsv1 alert internal error"),
                List.of(Fire.errconnect("ERRCONNECT_PASSWORD_CERTAINLY_EXPIRED")), Map.of(), List.of(), List.of(),
                Optional.empty())))).doesNotContain(tuple(ACCOUNT_STATE_IN_NLA, "nla.mismatch"));
    }

    @Test
    void licensingWordingWithExpiryInAnyOrderIsTheGracePeriod() {
        assertThat(Fire.said(fire.text("users get an error because the RDS licence has been expired")))
                .contains(tuple(LICENCE_EXPIRED, "license.grace-expired", 8))
                .contains(tuple("mechanism: licensing wording with a word of expiry is the ended grace period", "license.no-server", -6));
        assertThat(Fire.pairs(fire.text("no license server available"))).doesNotContain(
                tuple(LICENCE_EXPIRED, "license.grace-expired"));
        assertThat(Fire.pairs(fire.text("the certificate expired and the license server is fine"))).doesNotContain(
                tuple(LICENCE_EXPIRED, "license.grace-expired"));
    }

    @Test
    void rejectedCredentialsOfAnAccountThatIsNoMicrosoftAccountPointAtTheNameForm() {
        assertThat(Fire.said(fire.text("Your credentials did not work. It is not a Microsoft account.")))
                .contains(tuple(MSA_NEGATED, "auth.username-format", 8));
        assertThat(Fire.pairs(fire.text("Your credentials did not work."))).doesNotContain(
                tuple(MSA_NEGATED, "auth.username-format"));
    }

    @Test
    void xrdpsGroupRefusalIsNoXrdpDefect() {
        assertThat(Fire.said(fire.text("xrdp-sesman: login denied for user alice"))).contains(tuple(
                "text: sesman's group check is xrdp's configured access control, not a defect"
                        + " (xrdp-group lifts server.rdp-implementation-bug)", "server.rdp-implementation-bug", -6));
    }
}

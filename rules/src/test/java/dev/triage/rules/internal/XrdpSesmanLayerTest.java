package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which step of xrdp's session manager answered (third-party-layer.drl, packs/rdp/signals.tsv): sesman's login step
 * (PAM's password and account checks, its group rules) refuses the account with a server that works; only its session
 * step (the X server, startwm.sh) failing is the third-party server's own fault. The log lines are sesman's and PAM's
 * own (github.com/neutrinolabs/xrdp sesman/libsesman/verify_user_pam.c, libipm/scp_application_types.c;
 * linux-pam pam_strerror); users and displays are made up. The components' bare names are the log read and carry no
 * defect of their own; sesman's "login failed for display" is mostly the credentials (session 14, branch softfault).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XrdpSesmanLayerTest {
    private static final String SESSION_START = "text: xrdp session start-up failures are xrdp defects or configuration"
            + " (xrdp-session -> server.rdp-implementation-bug)";
    private static final String LOGIN_FAILED = "text: xrdp's login screen says sesman refused the login (\"login failed"
            + " for display N\"): mostly the credentials, which the bad-password family reads from \"login failed\","
            + " sometimes a session sesman could not start; weakly the server's own fault (xrdp-login-failed ->"
            + " server.rdp-implementation-bug)";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            auth.bad-credentials           | xrdp login screen, then xrdp-sesman.log: pam_authenticate failed: Authentication failure
            auth.account-locked-or-expired | xrdp: login failed. xrdp-sesman.log says pam_acct_mgmt failed: Authentication token is no longer valid; new one required
            server.rdp-implementation-bug  | xrdp-sesman: X server could not be started, login failed for display 10
            """)
    void theStepThatAnsweredLeadsToItsCause(String cause, String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(cause);
    }

    @Test
    void sesmansPamLinesAreTheLoginStepNotADefect() {
        assertThat(Fire.said(fire.text("pam_authenticate failed: Authentication failure"))).contains(
                tuple("text: sesman's PAM check rejected the password, 0.10's log line for sesman-not-authenticated, at its"
                        + " weight (sesman-pam-authenticate -> auth.bad-credentials)", "auth.bad-credentials", 12));
        assertThat(Fire.said(fire.text("pam_acct_mgmt failed: Permission denied"))).contains(
                tuple("text: the xrdp server worked to its account check, which refused the user (sesman-not-authorized"
                        + " lifts server.rdp-implementation-bug)", "server.rdp-implementation-bug", -4));
    }

    @Test
    void aComponentNamedIsTheLogReadAndCarriesNoDefect() {
        String refused = "xrdp-sesman: pam_authenticate failed: Authentication failure";

        assertThat(Fire.pairs(fire.text(refused))).doesNotContain(tuple(SESSION_START, "server.rdp-implementation-bug"));
        assertThat(Fire.pairs(fire.text("I read /var/log/xrdp-sesman.log and startwm.sh but see nothing")))
                .doesNotContain(tuple(SESSION_START, "server.rdp-implementation-bug"));
        assertThat(Fire.said(fire.text("xrdp-sesman: connection problem, giving up")))
                .contains(tuple(SESSION_START, "server.rdp-implementation-bug", 8));
    }

    @Test
    void sesmansLoginLineIsMostlyTheCredentials() {
        assertThat(Fire.said(fire.text("xrdp login screen: login failed for display 0")))
                .contains(tuple(LOGIN_FAILED, "server.rdp-implementation-bug", 3))
                .doesNotContain(tuple(SESSION_START, "server.rdp-implementation-bug", 8));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}

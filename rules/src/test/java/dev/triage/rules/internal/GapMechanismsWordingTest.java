package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gap mechanisms of session 7 (branch gaps3), each on the reference cause whose meaning covers it, and the pack's
 * refinements keeping their reference cause right behind them. Texts are made up around the vendor message texts the
 * families cite (mstsc, Win32 / SSPI / NTSTATUS tables, the Connection Broker's events, colord's polkit policy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapMechanismsWordingTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    static Stream<Arguments> rows() {
        return Stream.of(
                Fire.row("credential-guard", "client.cached-credentials", 12,
                        "mstsc now says Windows Defender Credential Guard does not allow using saved credentials"),
                Fire.row("time-skew", "nla.dc-unreachable", 12,
                        "An authentication error has occurred. There is a time and/or date difference between the client and server."),
                Fire.row("time-skew", "nla.dc-unreachable", 12,
                        "Remote Desktop cannot verify the identity of the remote computer because there is a time or date difference"),
                Fire.row("time-skew", "nla.dc-unreachable", 12, "the DC logs KRB_AP_ERR_SKEW for the server"),
                Fire.row("entra-signin-refused", "auth.entra-joined-target", 8,
                        "The Windows App shows AADSTS50076 when I open the desktop"),
                Fire.row("ntlm-binding", "gateway.transport", 4, "we set LmCompatibilityLevel to 1 on the laptops"),
                Fire.row("broker-redirect", "net.dns-wrong", 8,
                        "Remote Desktop Connection Broker Client failed while getting redirection packet from Connection Broker"),
                Fire.row("xrdp-polkit", "server.rdp-implementation-bug", 10,
                        "After login: Authentication is required to create a color managed device"),
                Fire.row("display-components-failed", "session.display-driver", 14,
                        "The graphics display components in the remote session failed to start up"),
                Fire.row("always-prompt", "auth.saved-credentials-refused", 16,
                        "GPO 'Always prompt for password upon connection' is enabled on the host"),
                Fire.row("paged-pool", "profile.corrupt", 8,
                        "User Profile Service: Insufficient system resources exist to complete the requested service"),
                Fire.row("security-error-connect", "cert.machinekeys-corrupt", 4,
                        "Because of a security error, the client could not connect to the remote computer."),
                Fire.row("creds-used-to-connect", "auth.bad-credentials", 4,
                        "The credentials that were used to connect to 10.0.0.4 did not work."));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rows")
    void gapWordingRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            client.cached-credentials     | 'Windows Defender Credential Guard does not allow using saved credentials. Please enter your credentials.'
            nla.dc-unreachable            | 'An authentication error has occurred. There is a time and/or date difference between the client and server.'
            auth.entra-joined-target      | 'RDP to our Entra joined PC: The sign-in method you are trying to use is not allowed.'
            gateway.transport             | 'Through the RD Gateway the logon fails with 0xc000035b since we enforced channel binding'
            net.dns-wrong                 | 'After renaming the session host, event 1306: Remote Desktop Connection Broker Client failed to redirect the user'
            server.rdp-implementation-bug | 'xrdp session on Ubuntu asks: Authentication is required to refresh the system repositories, then closes'
            session.display-driver        | 'The graphics display components in the remote session failed to start up'
            cert.machinekeys-corrupt      | 'Because of a security error, the client could not connect to the remote computer. The X509 Certificate ID value looks damaged.'
            """)
    void gapMechanismRanksItsReferenceCauseFirst(String cause, String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(cause);
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', textBlock = """
            auth.saved-credentials-refused | client.cached-credentials     | 'Your system administrator does not allow the use of saved credentials to log on to the remote computer because its identity is not fully verified.'
            auth.saved-credentials-refused | client.cached-credentials     | 'The server authentication policy does not allow connection requests using saved credentials. The user must enter new credentials.'
            auth.saved-credentials-refused | client.cached-credentials     | 'The server does not accept saved user credentials and requires that the user enter their credentials for each connection.'
            session.xrdp-same-user         | server.rdp-implementation-bug | 'xrdp: the session closes at once while I am logged in locally on the console'
            gateway.bastion-config         | gateway.transport             | 'Guacamole: the websocket tunnel to guacd failed'
            """)
    void aRefinementKeepsItsReferenceCauseRightBehind(String refinement, String reference, String message) {
        assertThat(ranked(message).subList(0, 2)).as(message).containsExactly(refinement, reference);
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}

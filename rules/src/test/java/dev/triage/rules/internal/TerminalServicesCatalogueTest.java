package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Microsoft's own register pasted without a code (issue 13, branch catalogue): the Win32 Terminal Services messages
 * (ERROR_CTX_*, learn.microsoft.com/windows/win32/debug/system-error-codes--6000-8199-, and its localised editions)
 * and the RD Session Host's events by number or by message (event-catalogue.drl). Each text is a message as Windows
 * or the event log prints it, framed as a user would paste it; the documented cause must rank in the top three.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalServicesCatalogueTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ctx-logons-disabled  | server.rdp-disabled          | 10 | 'Os logons remotos estão desabilitados no momento.'
            ctx-logons-disabled  | server.rdp-disabled          | 10 | 'Remoteanmeldungen sind derzeit deaktiviert.'
            ctx-logons-disabled  | server.rdp-disabled          | 10 | 'Los inicios de sesión remotos están deshabilitados actualmente.'
            ctx-logon-privilege  | auth.not-in-rdp-users-group  | 12 | 'Logon Message: You do not have access to logon to this Session.'
            ctx-logon-privilege  | auth.not-in-rdp-users-group  | 12 | 'Your interactive logon privilege has been disabled. Please contact your administrator.'
            ctx-encryption-level | server.legacy-security-layer | 10 | 'You do not have the proper encryption level to access this Session.'
            ctx-session-in-use   | server.max-connections       | 10 | 'The user PC\\anna is already logged on to the console of this computer. You do not have permission to log in at this time.'
            ctx-client-license   | license.no-server            | 10 | 'The client you are using is not licensed to use this system. Your logon request is denied.'
            ctx-license-expired  | license.grace-expired        | 10 | 'The system license has expired. Your logon request is denied.'
            """)
    void eachCatalogueMessageRaisesItsRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            server.rdp-disabled          | Users trying to RDP into the terminal server get: Remote logins are currently disabled.
            server.rdp-disabled          | Ao conectar aparece: Os logons remotos estão desabilitados no momento.
            auth.not-in-rdp-users-group  | Our operators get a Logon Message: You do not have access to logon to this Session. Administrators can log on.
            server.legacy-security-layer | The thin clients get: You do not have the proper encryption level to access this Session.
            server.max-connections       | The user CONTOSO\\anna is currently logged on to this computer. Only the current user or an administrator can log on to this computer.
            license.no-server            | The client you are using is not licensed to use this system. Your logon request is denied.
            license.grace-expired        | The system license has expired. Your logon request is denied.
            license.grace-expired        | Die Systemlizenz ist abgelaufen. Ihre Anmeldeanforderung wird abgelehnt.
            auth.not-in-rdp-users-group  | Se ha deshabilitado el privilegio de inicio de sesión interactivo. Póngase en contacto con el administrador.
            server.legacy-security-layer | Sie verfügen nicht über die richtige Verschlüsselungsebene für den Zugriff auf diese Sitzung.
            auth.not-in-rdp-users-group  | Ihr Konto ist so konfiguriert, dass Sie dieses Gerät nicht verwenden können. Wenden Sie sich an Ihren Systemadministrator.
            auth.not-in-rdp-users-group  | Votre compte est configuré pour vous empêcher d’utiliser cet appareil. Pour plus d’informations, contactez votre administrateur système.
            auth.not-in-rdp-users-group  | Sua conta está configurada para impedir que você use este dispositivo. Para obter mais informações, contate o administrador do sistema.
            license.no-server            | Event ID 1130: The Remote Desktop Session Host server does not have a Remote Desktop license server specified.
            license.grace-expired        | The RD Licensing grace period has expired and the service has not registered with a license server with installed licenses.
            license.no-server            | Clients are refused; the server logs: The remote session could not be established from remote desktop client PC12 because its license could not be renewed.
            server.max-connections       | New connections fail. The RD Session Host server received large number of incomplete connections. The system may be under attack.
            server.termservice-down      | Nobody can connect. Terminal Server session creation failed. The relevant status code was 0xC000009A.
            server.termservice-down      | RDP stopped working. Event 260: Listener RDP-Tcp failed while listening. Error code 0xD0000001.
            auth.bad-credentials         | RemoteDesktopServices-RdpCoreTS event 140: A connection from the client computer with an IP address of 10.0.0.5 failed because the user name or password is not correct.
            cert.expired                 | Event 1065: the template-based certificate that is being used by the terminal server for TLS authentication has expired and cannot be replaced by the terminal server.
            """)
    void aCodeFreePasteRanksTheDocumentedCauseInTheTopThree(String cause, String message) {
        assertThat(ranked(message).stream().limit(3)).as(message).contains(cause);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            server.rdp-disabled     | Remote logins are currently disabled.
            license.no-server       | Event ID 1130: The Remote Desktop Session Host server does not have a Remote Desktop license server specified.
            server.max-connections  | The RD Session Host server received large number of incomplete connections. The system may be under attack.
            cert.expired            | The template-based certificate that is being used by the terminal server for TLS 1.0\\SSL authentication and encryption has expired and cannot be replaced by the terminal server.
            """)
    void aDefiningMessageLeads(String cause, String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(cause);
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which RDP server is on the far side (branch serverimpl, far-side.drl): a Linux desktop the connection goes into runs
 * a third-party server even when the text names only the distribution, and the same name on the client's side does
 * not. The texts are made up in the register of distribution forums and issue trackers; none is a development case's
 * wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FarSideMechanismTest {
    private static final String INTO_LINUX = "far side: a Linux desktop the connection goes into runs a third-party RDP server";
    private static final String BESIDE_CLIENT = "far side: a Linux desktop named beside a Windows, Mac or phone client is the server";
    private static final String ENHANCED = "far side: a Linux guest's Hyper-V enhanced session is xrdp on the Hyper-V socket";
    private static final String GNOME_SETTING = "far side: GNOME's sharing settings beside a Linux desktop are GNOME Remote Desktop";
    private static final String BLACK = "far side: a black screen on a Linux server is its session start, not Windows' display driver";
    private static final String WRAPPER_INI = "far side: an INI of offsets beside a Windows build is RDP Wrapper's rdpwrap.ini";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    static Stream<Arguments> farSideReadings() {
        return Stream.of(
                Arguments.of(INTO_LINUX, 5, "Can't RDP into my Raspberry Pi 4 any more, the window just closes after the password."),
                Arguments.of(INTO_LINUX, 5, "Remote desktop to the Fedora 40 workstation fails since yesterday."),
                Arguments.of(BESIDE_CLIENT, 5, "Ubuntu 24.04 here; mstsc says An internal error has occurred."),
                Arguments.of(BESIDE_CLIENT, 5, "Debian 12 with Xfce, from Windows 11 it only connects every other time."),
                Arguments.of(ENHANCED, 8, "Enhanced session mode stays greyed out for my Ubuntu 22.04 guest in Hyper-V."),
                Arguments.of(GNOME_SETTING, 5, "I switched on Desktop Sharing in Ubuntu's settings but nothing can connect."),
                Arguments.of(WRAPPER_INI, 6, "On 10.0.19045.5131 I put in the ini from the thread and it still does not work."));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("farSideReadings")
    void aLinuxDesktopOnTheFarSideIsAThirdPartyServer(String rule, int weight, String message) {
        assertThat(Fire.said(fire.text(message))).as(message)
                .contains(tuple(rule, "server.rdp-implementation-bug", weight));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "I turned on Remote Login in Ubuntu 24.04 and connect from my Windows 11 PC with Remote Desktop Connection: An internal error has occurred.",
        "Can't RDP into my Raspberry Pi 4 from Windows 10. I see the login screen, type my password, and the window closes.",
        "Since apt upgrade on my Debian 12 box, remote desktop from Windows shows a black screen after login, then disconnects.",
        "Enhanced session doesn't work for my Ubuntu 22.04 guest in Hyper-V; the View menu option is greyed out.",
        "After updating VirtualBox to 7.1 I can no longer connect to the headless VM with mstsc; it runs with VBoxHeadless."})
    void theFarSidesServerRanksFirst(String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo("server.rdp-implementation-bug");
    }

    @Test
    void aBlackScreenOnALinuxServerIsNotWindowsDisplayDriver() {
        String message = "Remote desktop from Windows 10 into my Linux Mint machine: black screen after the login.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(BLACK, "server.rdp-implementation-bug", 6),
                tuple(BLACK, "session.display-driver", -5));
    }

    /** The distribution on the client's side, or a Windows machine named as the target, leaves Windows' stack. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "From my Ubuntu 22.04 laptop Remmina cannot connect to the office PC any more.",
        "xfreerdp on Debian 12 fails against our Windows Server 2022 with ERRCONNECT_CONNECT_TRANSPORT_FAILED.",
        "Ubuntu 24.04 host, Windows 11 guest in virt-manager: mstsc into the Windows VM shows a black screen.",
        "I upgraded my laptop to Ubuntu 24.04 last week and since then I cannot reach my work PC.",
        "I can connect from my Ubuntu laptop, but the Windows App on my Mac fails with error 0x204."})
    void aLinuxNameOnTheClientsSideIsNoThirdPartyServer(String message) {
        assertThat(Fire.pairs(fire.text(message))).as(message).extracting(t -> (String) t.toList().get(0))
                .noneMatch(rule -> rule.startsWith("far side:"));
    }

    @Test
    void aWindowsGuestOnALinuxHostKeepsTheDisplayDriverReading() {
        assertThat(ranked("Ubuntu 24.04 host, Windows 11 guest in virt-manager. mstsc from another Windows PC into the "
                + "Windows VM shows a black screen after login since the last Windows update.").get(0))
                .isEqualTo("session.display-driver");
    }

    @Test
    void anIniWithoutAWindowsBuildIsNotTheWrapper() {
        assertThat(Fire.pairs(fire.text("I edited the ini file of my client and now it will not connect")))
                .doesNotContain(tuple(WRAPPER_INI, "server.rdp-implementation-bug"));
    }

    /** Naming the Linux server must not drown a certificate, TLS or licensing cause the text states outright. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tls.version-mismatch          | 'xrdp on Ubuntu 22.04: a Windows 7 client cannot connect, xrdp.log shows SSL_accept: failure in SSL library, unsupported protocol; xrdp.ini has ssl_protocols=TLSv1.2, TLSv1.3'
            cert.private-key-permission   | 'xrdp fails: Cannot read private key file /etc/xrdp/key.pem: Permission denied. The xrdp user is not in the ssl-cert group.'
            cert.expired                  | 'mstsc connecting to my Ubuntu 20.04 xrdp server warns that the certificate has expired.'
            license.no-server             | 'Remmina on my Ubuntu laptop to the Windows Server 2019 RD Session Host: The remote session was disconnected because there are no Remote Desktop License Servers available to provide a license.'
            """)
    void aStatedCauseOnALinuxSideKeepsItsPlace(String cause, String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(cause);
    }

    @Test
    void tlsVersionsSwitchedOffAreTheVersionMismatchNotALegacyServer() {
        fire.assertRaisesRow("tls-versions-disabled", "tls.version-mismatch", 6,
                "after the security team disabled TLS 1.0 and 1.1 old clients fail");
        fire.assertRaisesRow("tls-versions-disabled", "server.legacy-security-layer", -6,
                "we ran IIS Crypto on the host and now some clients cannot connect");
        assertThat(ranked("After our security team disabled TLS 1.0 and 1.1 on the servers, users on old thin clients get "
                + "\"An internal error has occurred\" when they connect.").get(0)).isEqualTo("tls.version-mismatch");
    }

    @Test
    void anotherTermsrvPatcherAfterAnUpdateIsThePatchMissingTheBuild() {
        fire.assertRaisesRow("termsrv-patcher", "server.rdp-implementation-bug", 6, "TermWrap shows the wrapper as not working");
        String message = "TermWrap 0.3 on Windows 11 24H2 stopped working after the update";

        assertThat(Fire.said(fire.text(message))).contains(tuple(
                "far side: an update under another termsrv.dll patcher replaced termsrv.dll, it is no Microsoft regression",
                "update.regression", -6));
        assertThat(ranked(message).get(0)).isEqualTo("server.rdp-implementation-bug");
    }

    /**
     * xrdp named only by the files and ports of its session setup. Where a name is also the xrdp family's ("sesman"),
     * the files stand in for it (stand-ins.tsv) and the server is still counted once, by xrdp's own row.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"I put xfce4-session into ~/.xsession and the session still closes at once",
        "the login box offers Xorg and Xvnc, both fail", "sesman listens on port 3350 but the session never starts",
        "after the password nothing happens, startwm.sh is the stock one"})
    void xrdpsSessionFilesAndPortNameTheServer(String message) {
        int server = Fire.said(fire.text(message)).stream()
                .filter(t -> ((String) t.toList().get(0)).endsWith("(linux-rdp-server-more -> server.rdp-implementation-bug)")
                        || t.toList().get(0).equals("environment: xrdp as the server brings its own defects"))
                .mapToInt(t -> (Integer) t.toList().get(2)).sum();
        assertThat(server).as(message).isEqualTo(5);
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Words that name a fact only beside the words that make them one (issue 13, session 14). CAL is licensing's
 * abbreviation beside the words Microsoft's licensing pages put with it (RDS CAL, per user CAL); bare, it is also a
 * person's name in a pasted greeting or address. A server scanned from the internet fills its connection slots; the
 * user's own port scan ("I scanned it with nmap") says nothing of the kind, and "too many" is as often too many
 * failed sign-ins. A ping that lost nothing prints "0% packet loss" and an "avg" column; ipconfig prints DNS labels. Made-up
 * texts.
 */
class CommonWordsAreNotFactsTest {
    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());

    @Test
    void aPersonCalledCalIsNoLicence() {
        assertThat(textSignals("Hi, Cal here. Remote Desktop cannot connect to my office PC since yesterday."))
                .doesNotContain("license");
        assertThat(textSignals("Sent from cal@contoso.com: mstsc says the computer can't be found."))
                .doesNotContain("license");
    }

    @Test
    void theAbbreviationBesideItsLicensingWordsIsStillALicence() {
        assertThat(textSignals("The server says no RDS CAL is available.")).contains("license");
        assertThat(textSignals("We bought per user CALs last year.")).contains("license");
        assertThat(textSignals("The CAL type on the license server is per device.")).contains("license");
    }

    @Test
    void theUsersOwnScanIsNoAttack() {
        assertThat(textSignals("I scanned the server with nmap and port 3389 is open, but mstsc cannot connect."))
                .doesNotContain("max-connections");
        assertThat(textSignals("The account is locked after too many failed sign-in attempts."))
                .doesNotContain("max-connections");
        assertThat(textSignals("The server is being scanned by bots from all over the internet."))
                .contains("max-connections");
    }

    /** A pasted ping that lost nothing: its "0% packet loss" is no loss, its "avg" column no antivirus. */
    @Test
    void aPingThatLostNothingIsNoLossAndNoAntivirus() {
        String ping = "--- 10.0.0.5 ping statistics ---\n4 packets transmitted, 4 received, 0% packet loss, time 3004ms\n"
                + "rtt min/avg/max/mdev = 0.512/0.601/0.702/0.071 ms";
        assertThat(textSignals(ping)).doesNotContain("unstable", "antivirus", "av-product-not-firewall");
        assertThat(textSignals("Packets: Sent = 4, Received = 4, Lost = 0 (0% loss)")).doesNotContain("unstable");
        assertThat(textSignals("ping shows 12% packet loss to the server")).contains("unstable");
        assertThat(textSignals("AVG Internet Security blocks mstsc")).contains("antivirus");
    }

    /** A pasted ipconfig /all shows the client's settings: its DNS and host-name labels are no failed lookup. */
    @Test
    void ipconfigsLabelsAreNoNameResolutionProblem() {
        String ipconfig = "   Host Name . . . . . . . . . . . . : PC01\n   Primary Dns Suffix  . . . . . . . : corp.local\n"
                + "   Connection-specific DNS Suffix  . : corp.local\n   DNS Servers . . . . . . . . . . . : 10.0.0.2\n"
                + "   NetBIOS over Tcpip. . . . . . . . : Enabled";
        assertThat(textSignals(ipconfig)).doesNotContain("name-resolution");
        assertThat(textSignals("nslookup srv01 fails, the DNS server does not know the name")).contains("name-resolution");
    }

    private Set<String> textSignals(String text) {
        return extractor.extract(List.of(text)).stream().filter(s -> s.family().equals("text")).map(Signal::id)
                .collect(Collectors.toSet());
    }
}

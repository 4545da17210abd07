package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Security software in the way (issue 13, branch secsw, security-software.drl): whose machine the product is on, the
 * Windows Firewall's "Defender" name, server-side blockers named by product, and appliance brands named without their
 * inspection feature. Texts are made up in the wording of the articles' "How users describe it".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySoftwareMechanismTest {
    private static final String DEFENDER_FIREWALL = "mechanism: Windows Defender Firewall is the Windows Firewall, not an"
            + " antivirus";
    private static final String ON_SERVER = "mechanism: security software placed on the server inspects incoming RDP";
    private static final String ON_CLIENT = "mechanism: security software placed on the user's own PC blocks the client";
    private static final String BRAND_ONLY = "mechanism: a security appliance's brand without its inspection feature is"
            + " a box in the path, not intrusion prevention";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void windowsDefenderFirewallIsNotAnAntivirus() {
        String message = "I opened port 3389 in Windows Defender Firewall and Remote Desktop still can't connect.";
        assertThat(Fire.said(fire.text(message))).contains(
                tuple(DEFENDER_FIREWALL, "client.av-blocking", -8),
                tuple(DEFENDER_FIREWALL, "server.av-ids-blocking", -4));
        assertThat(top3(ranked(message))).doesNotContain("client.av-blocking");
    }

    @Test
    void anAntivirusNamedBesideTheFirewallKeepsItsReading() {
        String message = "Windows Defender Firewall allows 3389, but since Kaspersky was installed RDP fails.";
        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(DEFENDER_FIREWALL);
    }

    @Test
    void securitySoftwareOnTheServerIsTheServersBlocker() {
        String message = "Since we updated ESET on the server, RDP connections are reset right after connecting.";
        assertThat(Fire.said(fire.text(message))).contains(
                tuple(ON_SERVER, "server.av-ids-blocking", 6),
                tuple(ON_SERVER, "client.av-blocking", -6));
        List<String> ranked = ranked(message);
        assertThat(ranked.get(0)).isEqualTo("server.av-ids-blocking");
        assertThat(place(ranked, "client.av-blocking")).isGreaterThan(place(ranked, "server.av-ids-blocking"));
    }

    @Test
    void securitySoftwareOnTheUsersPcIsTheClients() {
        String message = "RDP works again when I disable the antivirus on my laptop.";
        assertThat(Fire.said(fire.text(message))).contains(tuple(ON_CLIENT, "server.av-ids-blocking", -3));
        assertThat(ranked(message).get(0)).isEqualTo("client.av-blocking");
    }

    @Test
    void aNamedServerBlockerOrABannedAddressIsTheServersBlocker() {
        assertThat(ranked("fail2ban style protection, now RDP to the server times out").get(0))
                .isEqualTo("server.av-ids-blocking");
        assertThat(ranked("My IP was banned after a few attempts and Remote Desktop no longer connects.").get(0))
                .isEqualTo("server.av-ids-blocking");
    }

    @Test
    void anApplianceBrandWithoutItsInspectionFeatureIsABoxInThePath() {
        String brand = "RDP over a site-to-site VPN between two SonicWall firewalls keeps dropping.";
        assertThat(Fire.said(fire.text(brand))).contains(tuple(BRAND_ONLY, "server.av-ids-blocking", -4));
        String feature = "RDP through our SonicWall resets since intrusion prevention was enabled.";
        assertThat(Fire.pairs(fire.text(feature))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(BRAND_ONLY);
    }

    /** The cause's place in the ranking, or past its end when it is not ranked. */
    private static int place(List<String> ranked, String cause) {
        int i = ranked.indexOf(cause);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private List<String> ranked(String text) {
        return diagnoser.diagnose(CaseFacts.ofText(text)).causeIds();
    }

    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }
}

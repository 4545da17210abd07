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
 * Cloud consoles' browser-based RDP clients wrap the failure in a short message of their own, which their vendor's
 * troubleshooting page maps to one mechanism (AWS, 'Troubleshooting connection issues with the Amazon Lightsail
 * browser-based SSH or RDP client'). The message must lead with that mechanism, not with the blocked port that
 * "can't connect" suggests. Texts are made up around the vendor's messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudConsoleWordingTest {
    private static final String NOT_STARTED =
            "mechanism: Lightsail's browser client cannot connect right now: the instance has not started yet";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            client.stale-cert-fingerprint | Lightsail RDP in the browser says Can’t connect, reset record. What does that mean?
            client.stale-cert-fingerprint | After upgrading Windows on my Lightsail instance the browser RDP client shows "Can't connect" with a Reset record button
            client.stale-cert-fingerprint | I ran aws lightsail delete-known-host-keys --instance-name Win-1 and could connect again
            net.unreachable               | Just rebooted my Lightsail Windows instance and the browser RDP window says Can't connect right now, Reconnect
            """)
    void aConsoleMessageLeadsWithTheMechanismItsVendorDocuments(String cause, String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(cause);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            lightsail-reset-record     | client.stale-cert-fingerprint | 14 | 'Can''t connect, reset record'
            lightsail-suspect-mismatch | client.stale-cert-fingerprint | 6  | 'Lightsail: Can’t connect, contact customer support'
            """)
    void catalogueTextRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void cantConnectRightNowBesideLightsailIsAnInstanceNotYetStarted() {
        assertThat(Fire.pairs(fire.text("Lightsail browser RDP: Can't connect right now")))
                .contains(tuple(NOT_STARTED, "net.unreachable"));
    }

    @Test
    void cantConnectRightNowWithoutLightsailIsAnyonesWording() {
        assertThat(Fire.pairs(fire.text("I can't connect right now to my office PC with mstsc")))
                .doesNotContain(tuple(NOT_STARTED, "net.unreachable"));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}

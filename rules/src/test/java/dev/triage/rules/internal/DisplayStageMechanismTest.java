package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * Reconnecting to a disconnected session re-attaches its display driver (display-stage.drl): a frozen or blank picture
 * there is the driver, as a black one is. Made-up texts in the register of a helpdesk ticket.
 */
class DisplayStageMechanismTest {
    private static final String RULE =
            "display: a frozen or blank picture on reconnecting to an existing session is the display driver re-attaching";

    private final Fire fire = new Fire();

    @Test
    void aFrozenPictureOnReconnectingIsTheDisplayDriver() {
        assertThat(Fire.said(fire.text("When I reconnect to my existing session the screen freezes after the password; "
                + "only a reboot at the console helps."))).contains(tuple(RULE, "session.display-driver", 8));
    }

    @Test
    void aBlackPictureKeepsItsOwnRuleAndAFreezeWithoutReconnectingReadsNothingHere() {
        assertThat(Fire.pairs(fire.text("Reconnecting to an existing session gives a black screen, the session freezes")))
                .doesNotContain(tuple(RULE, "session.display-driver"));
        assertThat(Fire.pairs(fire.text("The session freezes every few minutes over the VPN")))
                .doesNotContain(tuple(RULE, "session.display-driver"));
    }
}

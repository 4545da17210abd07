package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Session Host's licensing clock (licensing-age.drl): the no-license-server dialog after some months of service is
 * the 120-day grace period running out; the same dialog where the text names a licensing deployment stays that
 * deployment's failure. The texts are made up in the register of admin forums; none is a development case's wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicensingAgeMechanismTest {
    private static final String MONTHS = "licensing: a refusal after some months of service is the grace period running out";
    private static final String DIALOG = "The remote session was disconnected because there are no Remote Desktop "
            + "License Servers available to provide a license.";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void theDialogAfterFourMonthsOfServiceIsTheGracePeriod() {
        String message = "Our new terminal server worked fine for four months, now everyone gets: " + DIALOG;

        assertThat(Fire.said(fire.text(message))).contains(tuple(MONTHS, "license.grace-expired", 6),
                tuple(MONTHS, "license.no-server", -4));
        assertThat(ranked(message).get(0)).isEqualTo("license.grace-expired");
    }

    @Test
    void theSameDialogWithoutAnyTimeStaysAMissingLicenseServer() {
        assertThat(ranked("Since this morning everyone gets: " + DIALOG).get(0)).isEqualTo("license.no-server");
    }

    @Test
    void theEndOfWhatUsersCallTheTrialCountsToo() {
        assertThat(Fire.pairs(fire.text("The RDS trial period ended and now: " + DIALOG)))
                .contains(tuple(MONTHS, "license.grace-expired"));
    }

    @Test
    void aNamedLicensingDeploymentStillOutweighsTheMonths() {
        String message = "After a few months users are refused: " + DIALOG + " Our license server is activated with "
                + "per user CALs.";

        assertThat(ranked(message).get(0)).isEqualTo("license.no-server");
    }

    @Test
    void monthsWithoutLicensingWordingSayNothing() {
        assertThat(Fire.pairs(fire.text("RDP worked for months, now the connection times out.")))
                .extracting(pair -> pair.toList().get(0)).doesNotContain(MONTHS);
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}

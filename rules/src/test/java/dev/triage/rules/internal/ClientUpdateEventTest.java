package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The labelling convention for a client's own update (docs/accuracy.md, "The data"; branch clientbuild): a working setup
 * that broke at the client's update puts update.regression first with the client's own reading beside it; an update
 * that cured the failure, or a rollback, is the client build at fault. The texts are made up in the register of client
 * and bastion issue trackers; none is a development case's wording.
 */
class ClientUpdateEventTest {
    private static final String CLIENT = "client.outdated-app";
    private static final String UPDATE = "update.regression";
    private static final String CONVENTION = "convention: a client's own update that broke it is the update's regression first";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aClientsOwnUpdateThatBrokeItPutsTheUpdateFirstAndKeepsTheClient() {
        for (String message : List.of(
                "After updating Remmina from 1.4.35 to 1.4.36 I can no longer connect to any server.",
                "Since the upgrade of our Guacamole to 1.5.4 every RDP connection drops after a few seconds.",
                "After the update of mRemoteNG to 1.77.3 the RDP tabs close right after the login.")) {
            assertThat(rules(fire.text(message))).as(message).contains(CONVENTION);
            List<String> ranked = ranked(message);
            assertThat(ranked.indexOf(UPDATE)).as(message).isZero();
            assertThat(ranked.subList(0, Math.min(3, ranked.size()))).as(message).contains(CLIENT);
        }
    }

    /**
     * Told in Chinese, the release change is read (ReleaseChange's localised words), but the update family's "升级后"
     * does not match "升级到3.9.0之后", so the generic update row (+6) is missing and the two readings end side by side.
     */
    @Test
    void aBastionsUpdateToldInChineseKeepsBothReadingsOnTop() {
        String message = "JumpServer升级到3.9.0之后，所有Windows资产的RDP都连不上了。";
        assertThat(rules(fire.text(message))).contains(CONVENTION);
        assertThat(ranked(message).subList(0, 2)).containsExactlyInAnyOrder(UPDATE, CLIENT);
    }

    @Test
    void anUpdateThatCuredItIsTheClientBuildAtFault() {
        String message = "Remmina 1.4.35 cannot connect to the new server. Updating to 1.4.36 fixed it.";
        assertThat(rules(fire.text(message))).doesNotContain(CONVENTION);
        assertThat(ranked(message).indexOf(CLIENT)).isZero();
    }

    @Test
    void aNegatedCureIsNoCure() {
        String message = "Upgrading Remmina to 1.4.36 has not fixed it, the session still drops.";
        assertThat(rules(fire.text(message))).contains(CONVENTION);
    }

    @Test
    void aRollbackIsLeftToTheRollbackRule() {
        String message = "Remmina 1.4.36 drops every session; I downgraded to 1.4.35 and it works.";
        assertThat(rules(fire.text(message))).doesNotContain(CONVENTION);
    }

    @Test
    void aWindowsUpdateIsNoClientUpdate() {
        String message = "After the cumulative update KB5034441 Remmina 1.4.36 cannot connect.";
        assertThat(rules(fire.text(message))).doesNotContain(CONVENTION);
    }

    private static List<String> rules(Outputs out) {
        return Fire.said(out).stream().map(said -> (String) said.toList().get(0)).toList();
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}

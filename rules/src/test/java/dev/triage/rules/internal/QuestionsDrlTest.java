package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.disconnect;
import static dev.triage.rules.internal.Fire.extended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionsDrlTest {
    private final Fire fire = new Fire();

    @Test
    void socketClosedDialogWantsEnvironmentVpnAndOtherHosts() {
        assertThat(fire.codes(disconnect("0x904"), extended("0x7")).questions())
                .extracting(Wanted::name, Wanted::rule).contains(
                        tuple("environment", "questions: a connection-phase failure depends on where the server runs"),
                        tuple("vpn", "questions: a network-layer failure depends on a VPN or gateway in the path"),
                        tuple("other-hosts-work",
                                "questions: whether other hosts work separates this server from this PC"),
                        tuple("target-host", "questions: the target host lets the probes look at the server"));
    }

    @Test
    void answeredQuestionsAreNotWantedAgain() {
        assertThat(fire.answers(Map.of("environment", "on-premises", "vpn", "direct"), disconnect("0x904")).questions())
                .extracting(Wanted::name).doesNotContain("environment", "vpn").contains("other-hosts-work");
    }

    @Test
    void rejectedSignInWantsTheAccountType() {
        assertThat(fire.codes(disconnect("0x807")).questions()).extracting(Wanted::name).contains("account-type");
    }

    @Test
    void nothingToGoOnWantsNothing() {
        assertThat(fire.text("hello").questions()).isEmpty();
    }
}

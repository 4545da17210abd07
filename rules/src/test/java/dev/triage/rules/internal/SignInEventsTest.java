package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Security log's event 4825, "A user was denied the access to Remote Desktop" (sign-in-events.drl): written after
 * the account authenticated, for an account without the Remote Desktop sign-in right, so it names the missing right
 * and not the password, whether the message is pasted or the event is quoted by its number. Texts written for the
 * test, not taken from the development cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInEventsTest {
    private static final String DENIED = "event log: 4825 the account was denied Remote Desktop access after it authenticated";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void theEventByItsNumberOrItsMessageNamesTheMissingRight() {
        for (String text : List.of(
                "Event ID: 4825\nSource: Microsoft-Windows-Security-Auditing",
                "A user was denied the access to Remote Desktop. Subject: Account Name: jdoe",
                "RDP says logon failed and the server's Security log shows event 4825 each time")) {
            assertThat(Fire.said(fire.text(text))).as(text).contains(
                    tuple(DENIED, "auth.not-in-rdp-users-group", 16), tuple(DENIED, "auth.bad-credentials", -6));
        }
    }

    @Test
    void aRefusalWithTheEventRanksTheSignInRightFirst() {
        String text = "Users get 'The logon attempt failed' from mstsc. On the server every attempt leaves event 4825.";
        List<String> ranked = diagnoser.diagnose(CaseFacts.ofText(text)).causeIds();
        assertThat(ranked.get(0)).isEqualTo("auth.not-in-rdp-users-group");
    }

    @Test
    void anotherNumberIsNotTheEvent() {
        assertThat(Fire.said(fire.text("Ticket 4825: RDP logon failed")))
                .extracting(t -> t.toList().get(0)).doesNotContain(DENIED);
    }
}

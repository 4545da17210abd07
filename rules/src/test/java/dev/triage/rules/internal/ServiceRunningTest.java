package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Remote Desktop service stated running, and Microsoft's service commands quoted without a state (issue 13,
 * session 14, branch reach, service-running.drl): a running service leaves only a missing listener of
 * server.termservice-down; "sc query TermService" is where the poster looked, and what it printed decides. Texts are
 * made up in the register of Microsoft's troubleshooting pages and the tools' own output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceRunningTest {
    private static final String RUNNING = "mechanism: the Remote Desktop service stated running leaves only a missing"
            + " listener";
    private static final String NOT_RUNNING_ROW = "(termservice-not-running -> server.termservice-down)";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aServiceCheckedAndFoundRunningLiftsTheStoppedService() {
        for (String message : List.of(
                "The connection attempt times out. I checked and the Remote Desktop Services service is running.",
                "sc query termservice shows STATE : 4 RUNNING, yet mstsc can't connect.",
                "xrdp is running, systemctl status xrdp says Active: active (running), but mstsc can't connect.")) {
            assertThat(Fire.said(fire.text(message))).as(message)
                    .contains(tuple(RUNNING, "server.termservice-down", -6));
        }
        assertThat(ranked("sc query termservice shows STATE : 4 RUNNING, yet mstsc can't connect.").get(0))
                .isNotEqualTo("server.termservice-down");
    }

    @Test
    void aRunningServiceBesideAMissingListenerKeepsTheListenerFault() {
        String message = "TermService is running but nothing is listening on 3389.";
        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(RUNNING);
        assertThat(ranked(message).get(0)).isEqualTo("server.termservice-down");
    }

    @Test
    void aQuotedServiceCommandIsNoStateButItsPrintedStateIs() {
        String command = "sc query termservice shows STATE : 4 RUNNING, yet mstsc can't connect.";
        assertThat(Fire.said(fire.text(command))).extracting(t -> (String) t.toList().get(0))
                .noneMatch(rule -> rule.endsWith(NOT_RUNNING_ROW));
        String stopped = "sc query termservice prints STATE : 1 STOPPED and mstsc can't connect.";
        assertThat(Fire.pairs(fire.text(stopped))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain("mechanism: the service or a listener check named without a state is where the poster"
                        + " looked");
        assertThat(ranked(stopped).get(0)).isEqualTo("server.termservice-down");
    }

    private List<String> ranked(String text) {
        return diagnoser.diagnose(CaseFacts.ofText(text)).causeIds();
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.Diagnosis;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RDP Wrapper's "Not listening" by whose state it reports (third-party-layer.drl): RDPConf shows TermService's state,
 * the RDP-Tcp listener's and the INI's support level apart (github.com/stascorp/rdpwrap src-rdpconfig/MainUnit.pas), so
 * the service stated down is the service; the service running without a listener stays read as the listener (the
 * maintainers read it both ways). The labels are RDPConf's own; the builds and the retellings are made up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RdpWrapperListenerMechanismTest {
    private static final String SERVICE_DOWN =
            "wrapper listener: RDP Wrapper with its service stated down is the service, not the offsets";
    private static final String NOT_LOADED =
            "wrapper listener: a service stated down under RDP Wrapper has not loaded the wrapper's patch";
    private static final String ANSWER_STOPPED =
            "wrapper listener: the service answered stopped under RDP Wrapper has not loaded the wrapper's patch";

    private static final String THIRD_PARTY = "server.rdp-implementation-bug";
    private static final String SERVICE = "server.termservice-down";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            server.termservice-down       | RDP Wrapper worked for years; since the update the service went down and RDPConf shows Listener state: Not listening, fully supported
            server.termservice-down       | RDPConf: Wrapper state: Installed, Service state: Stopped, Listener state: Not listening [fully supported]
            server.termservice-down       | rdpwrap installed but the Remote Desktop service is not running, so it is not listening
            """)
    void theServicesStateDecidesWhoseNotListeningItIs(String cause, String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(cause);
    }

    @Test
    void aRunningServiceWithoutAListenerAddsNoReadingOfItsOwn() {
        String message = "RDP Wrapper: Service state: Running, Listener state: Not listening [fully supported]";

        assertThat(Fire.said(fire.text(message))).noneSatisfy(t ->
                assertThat((String) t.toList().get(0)).startsWith("wrapper listener:"));
    }

    @Test
    void aServiceStatedDownIsTheServiceOnceEvenBesideAStartFailure() {
        String stated = "RDP Wrapper installed; the service is stopped and RDPConf says not listening";
        String startFailure = "RDP Wrapper installed; the service is stopped, the service can't be started: error 5: access is denied";

        assertThat(Fire.said(fire.text(stated))).contains(
                tuple(SERVICE_DOWN, "server.termservice-down", 8),
                tuple(NOT_LOADED, "server.rdp-implementation-bug", -8));
        assertThat(Fire.pairs(fire.text(startFailure))).doesNotContain(
                tuple(SERVICE_DOWN, "server.termservice-down"),
                tuple(NOT_LOADED, "server.rdp-implementation-bug"));
    }

    @Test
    void serviceStoppedWorkingIsNoStatedState() {
        String message = "Since the update the RDP Wrapper service stopped working";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(SERVICE_DOWN, "server.termservice-down"));
    }

    @Test
    void withoutTheWrapperTheStatesKeepTheirOwnReadings() {
        String message = "Windows Server 2019: the Remote Desktop Services service is stopped, nothing listens on 3389";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(
                tuple(SERVICE_DOWN, "server.termservice-down"),
                tuple(NOT_LOADED, "server.rdp-implementation-bug"));
    }

    @Test
    void theStoppedAnswerBesideTheWrapperIsTheService() {
        String message = "RDP Wrapper stopped working, I can't connect any more";

        assertThat(Fire.said(fire.fire(withAnswer(message, "stopped"))))
                .contains(tuple(ANSWER_STOPPED, "server.rdp-implementation-bug", -8));
        assertThat(rankedWith(message, "stopped").get(0)).isEqualTo("server.termservice-down");
        assertThat(Fire.pairs(fire.fire(withAnswer("RDP Wrapper: Service state: Stopped", "stopped"))))
                .doesNotContain(tuple(ANSWER_STOPPED, "server.rdp-implementation-bug"));
    }

    /**
     * "Not listening" with nothing said about the service has two causes (stascorp/rdpwrap #728, the maintainer): the
     * offsets missing for the termsrv.dll build, or TermService not started. Both stay at the top, and the question
     * that tells them apart comes first: RDPConf prints "Service state:" right above the listener's line
     * (src-rdpconfig/MainUnit.dfm), so a user quoting it can answer it (questions.tsv at-hand).
     */
    @Test
    void notListeningAloneKeepsBothReadingsAndAsksForTheServiceFirst() {
        String message = "Installed RDP Wrapper on Windows 10 Home. RDPConf shows Listener state: Not listening and I"
                + " cannot connect from another PC.";

        Diagnosis first = diagnoser.diagnose(CaseFacts.ofText(message));

        assertThat(first.causeIds().subList(0, 2)).containsExactlyInAnyOrder(THIRD_PARTY, SERVICE);
        assertThat(first.questions()).first().extracting(Question::id).isEqualTo("rdp-service");
        assertThat(rankedWith(message, "stopped").get(0)).isEqualTo(SERVICE);
        assertThat(rankedWith(message, "no-listener").subList(0, 2)).containsExactlyInAnyOrder(THIRD_PARTY, SERVICE);
    }

    @Test
    void withoutRdpConfsReportTheServiceQuestionKeepsItsMeasuredShare() {
        String message = "RDP Wrapper stopped working after the update, I can't connect any more";

        assertThat(diagnoser.diagnose(CaseFacts.ofText(message)).questions()).first().extracting(Question::id)
                .isNotEqualTo("rdp-service");
    }

    private static CaseFacts withAnswer(String message, String rdpService) {
        return new CaseFacts(List.of(message), List.of(), Map.of("rdp-service", rdpService), List.of(), List.of(),
                Optional.empty());
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }

    private List<String> rankedWith(String message, String rdpService) {
        return diagnoser.diagnose(withAnswer(message, rdpService)).causeIds();
    }
}

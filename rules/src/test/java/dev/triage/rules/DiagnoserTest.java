package dev.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiagnoserTest {
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void catalogHasTheAgreedQuestionsWithOptions() {
        assertThat(diagnoser.questions()).extracting(Question::id).containsExactly("environment", "other-hosts-work",
                "vpn", "client-app", "ip-works", "recent-update", "account-type", "other-clients-work", "port",
                "host-answers", "target-host", "rds-licensing", "port-test", "rdp-service", "console-works", "server-kind",
                "other-accounts-work");
        assertThat(diagnoser.question("environment").orElseThrow().options()).extracting(Question.Option::value)
                .containsExactly("azure", "other-cloud", "on-premises", Question.DONT_KNOW);
        assertThat(diagnoser.question("target-host").orElseThrow().freeText()).isTrue();
        assertThat(diagnoser.questions()).filteredOn(q -> !q.freeText())
                .allSatisfy(q -> assertThat(q.dontKnow()).as(q.id() + " offers \"don't know\"").isPresent());
        assertThat(diagnoser.question("nope")).isEmpty();
    }

    @Test
    void causeIdsAreTheWholePack() {
        assertThat(diagnoser.causeIds()).hasSize(47).contains("net.vpn-unstable", "auth.entra-joined-target",
                "client.license-store", "cert.rdp-file-signing", "gateway.bastion-config", "auth.account-restriction",
                "session.xrdp-same-user", "auth.saved-credentials-refused");
    }

    @Test
    void nothingRecognisedGivesAnEmptyDiagnosis() {
        Diagnosis d = diagnoser.diagnose(CaseFacts.ofText("good morning"));
        assertThat(d.causes()).isEmpty();
        assertThat(d.questions()).isEmpty();
        assertThat(d.serverLooksHealthy()).isFalse();
    }

    @Test
    void withoutQuestionsTheCausesAreTheSameAndNoneIsPlanned() {
        List<CaseFacts> cases = List.of(Cases.dialog0x904(Map.of(), List.of()),
                Cases.dialog0x904(Map.of("environment", "azure", "vpn", "yes"), List.of()),
                CaseFacts.ofText("The remote computer requires Network Level Authentication; CredSSP encryption oracle"),
                CaseFacts.ofText("Your account has expired. xfreerdp: ERRCONNECT_TLS_CONNECT_FAILED"),
                CaseFacts.ofText("good morning"));
        for (CaseFacts facts : cases) {
            Diagnosis full = diagnoser.diagnose(facts);
            Diagnosis rows = diagnoser.diagnose(facts, false);
            assertThat(rows.causes()).extracting(RankedCause::id).containsExactlyElementsOf(
                    full.causeIds());
            assertThat(rows.causes()).extracting(RankedCause::confidence).containsExactlyElementsOf(
                    full.causes().stream().map(RankedCause::confidence).toList());
            for (int i = 0; i < full.causes().size(); i++) {
                assertThat(rows.causes().get(i).evidence())
                        .containsExactlyInAnyOrderElementsOf(full.causes().get(i).evidence());
            }
            assertThat(rows.serverLooksHealthy()).isEqualTo(full.serverLooksHealthy());
            assertThat(rows.questions()).isEmpty();
            assertThat(diagnoser.diagnose(facts, true).questions()).isEqualTo(full.questions());
        }
        assertThat(diagnoser.diagnose(cases.get(0)).questions()).isNotEmpty();
    }

    @Test
    void aKnownHostIsNotAskedFor() {
        Diagnosis d = diagnoser.diagnose(new CaseFacts(List.of(Cases.DIALOG_0X904), Cases.CODES_0X904, Map.of(),
                List.of(), List.of(), Optional.of("srv01.example.test")));
        assertThat(d.questions()).extracting(Question::id).doesNotContain("target-host");
    }

    @Test
    void theServerLooksHealthyOnlyWhenEveryStepPassedWithAValidCertificate() {
        List<ProbeFinding> passed = List.of(new ProbeFinding("tcp", "CONNECTED", Map.of()),
                new ProbeFinding("rdp", "OK", Map.of("selectedProtocol", "HYBRID")),
                new ProbeFinding("tls", "OK", Map.of()));

        assertThat(probed(passed, "SELF_SIGNED").serverLooksHealthy()).isTrue();
        assertThat(probed(passed, "OK").serverLooksHealthy()).isTrue();
        assertThat(probed(passed, "FAILED").serverLooksHealthy()).isFalse();
        assertThat(probed(passed, "EXPIRED").serverLooksHealthy()).isFalse();
    }

    private Diagnosis probed(List<ProbeFinding> passed, String certificate) {
        List<ProbeFinding> findings = new ArrayList<>(passed);
        findings.add(new ProbeFinding("certificate", certificate, Map.of()));
        return diagnoser.diagnose(new CaseFacts(List.of(Cases.DIALOG_0X904), Cases.CODES_0X904, Map.of(), List.of(),
                findings, Optional.of("srv01.example.test")));
    }

    @Test
    void nxdomainFromTriagesOwnResolverWeighsLightlyUnlessItSharesTheUsersDns() {
        Diagnosis own = diagnoser.diagnose(dialog0x204WithNxdomain("triage"));
        Diagnosis shared = diagnoser.diagnose(dialog0x204WithNxdomain("shared"));

        // The bare 0x204 dialog leads with a blocked port, not the DNS: its "remote access is not enabled" line is one
        // of three reasons it always lists, so it no longer names Remote Desktop being off.
        assertThat(own.causes().get(0).id()).isEqualTo("net.port-blocked");
        assertThat(confidence(own, "net.dns-wrong")).isLessThan(0.2);
        assertThat(shared.causes().get(0).id()).isEqualTo("net.dns-wrong");
        assertThat(own.causes().stream().filter(c -> c.id().equals("net.dns-wrong")).flatMap(c -> c.evidence().stream())
                .map(Evidence::text)).anyMatch(t -> t.contains("Triage's own resolver does not know the name"));
    }

    /** The 0x204 dialog for a name only the corporate DNS knows, which Triage's probe found NXDOMAIN. */
    private static CaseFacts dialog0x204WithNxdomain(String vantage) {
        String dialog = "Remote Desktop can't connect to the remote computer for one of these reasons: 1) Remote access"
                + " to the server is not enabled 2) The remote computer is turned off 3) The remote computer is not"
                + " available on the network. Error code: 0x204";
        return new CaseFacts(List.of(dialog), List.of(), Map.of(), List.of(),
                List.of(new ProbeFinding("dns", "NXDOMAIN", Map.of("vantage", vantage))),
                Optional.of("rdp01.corp.example.com"));
    }

    private static double confidence(Diagnosis d, String cause) {
        return d.causes().stream().filter(c -> c.id().equals(cause)).mapToDouble(RankedCause::confidence)
                .findFirst().orElse(0);
    }

    /**
     * "Don't know" is stored as an answer: it changes no cause and no confidence, and the question is not asked again.
     * Shown on a closed socket without the server's denial (0x904 alone): beside extended 0x7, "The server denied the
     * connection" (Microsoft Learn, ExtendedDisconnectReasonCode), the server was reached and whether the IP works no
     * longer splits the leaders (socket-closed.drl), so the 0x904 / 0x7 dialog no longer asks it.
     */
    @Test
    void aDontKnowChangesNothing() {
        Diagnosis before = diagnoser.diagnose(Cases.closedSocket(Map.of()));
        assertThat(before.questions()).extracting(Question::id).contains("other-hosts-work");
        Diagnosis after = diagnoser.diagnose(Cases.closedSocket(Map.of("other-hosts-work", Question.DONT_KNOW)));
        assertThat(after.causes()).isEqualTo(before.causes());
        assertThat(after.questions()).extracting(Question::id).doesNotContain("other-hosts-work");
    }

    /** The paste already says where the server runs, how it is reached and with which app: none of that is asked. */
    @Test
    void neverAsksWhatThePasteAnswered() {
        Diagnosis d = diagnoser.diagnose(Cases.text("Azure VM, through our VPN, with mstsc:\n" + Cases.DIALOG_0X904,
                Cases.CODES_0X904));
        assertThat(d.causes()).isNotEmpty();
        assertThat(d.questions()).extracting(Question::id).doesNotContain("environment", "vpn", "client-app");
    }

    @Test
    void sameFactsGiveTheSameDiagnosis() {
        CaseFacts facts = Cases.dialog0x904(Map.of("vpn", "direct"), List.of());
        assertThat(diagnoser.diagnose(facts)).isEqualTo(diagnoser.diagnose(facts));
    }

    @Test
    void answersMatchOptionsCaseInsensitively() {
        assertThat(diagnoser.diagnose(Cases.dialog0x904(Map.of("environment", " Azure "), List.of())))
                .isEqualTo(diagnoser.diagnose(Cases.dialog0x904(Map.of("environment", "azure"), List.of())));
    }

    @Test
    void concurrentDiagnosesMatchASerialOne() throws Exception {
        CaseFacts facts = Cases.dialog0x904(Map.of("other-hosts-work", "yes"), List.of());
        Diagnosis expected = diagnoser.diagnose(facts);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = pool.invokeAll(java.util.Collections.nCopies(40,
                    (java.util.concurrent.Callable<Diagnosis>) () -> diagnoser.diagnose(facts)));
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void confidencesAreProbabilitiesInRankOrder() {
        List<RankedCause> causes = diagnoser.diagnose(Cases.dialog0x904(Map.of(), List.of())).causes();
        assertThat(causes).allSatisfy(c -> assertThat(c.confidence()).isBetween(0.0, 1.0));
        assertThat(causes.stream().mapToDouble(RankedCause::confidence).sum()).isLessThan(1.0);
        assertThat(causes).extracting(RankedCause::confidence).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
}

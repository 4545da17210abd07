package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.internal.pack.FanOut;
import dev.triage.rules.internal.pack.Pack;
import dev.triage.rules.internal.pack.StandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fact, one weight, declared as pack data (stand-ins.tsv, issue 13): a weaker family or code seen beside its
 * stronger one adds none of its rows, alone it keeps them, and a second pack declares its own stand-ins without Java.
 * The texts are made up; none is a development case's wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandInTest {
    private final Engine engine = Engine.load();
    private final Pack rdp = Packs.bundled().get(0);

    @TempDir
    Path temp;

    /** Each rdp declaration with a text in which both its stand-in and a stronger family are written. */
    static Stream<Arguments> bothFamilies() {
        return Stream.of(
                Arguments.of("text linux-rdp-server-more",
                        "xrdp on Ubuntu 22.04: I edited startwm.sh and now the session closes right after the login."),
                Arguments.of("text virtualbox-headless",
                        "The VM runs with VBoxHeadless and VRDE is on, but mstsc cannot connect to it."),
                Arguments.of("text update-word",
                        "RDP stopped working after the update; I have updated the client as well."),
                Arguments.of("text cant-connect",
                        "Remote Desktop can't connect to the remote computer for one of these reasons: Remote access to "
                                + "the server is not enabled, the remote computer is turned off."),
                Arguments.of("text nla-word",
                        "The remote computer requires Network Level Authentication (NLA), which your computer does not support."),
                Arguments.of("client freerdp",
                        "Remmina 1.4.35 with libfreerdp 2.11 fails to connect to the Windows server since Monday."),
                Arguments.of("text dc-word",
                        "requires Network Level Authentication (NLA), but your Windows domain controller cannot be"
                                + " contacted to perform NLA"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothFamilies")
    void besideItsStrongerFamilyTheStandInAddsNoneOfItsRows(String standIn, String message) {
        StandIn declared = declaration(standIn);
        List<Contribution> said = engine.fire(CaseFacts.ofText(message)).contributions();

        assertThat(signalsSeen(message)).as("both families are in the text").contains(standIn)
                .containsAnyElementsOf(declared.strong());
        assertThat(rowsOf(standIn, said)).as(message).isEmpty();
        assertThat(said).as("the stronger family's rows still count").anyMatch(c -> c.fact() instanceof Signal s
                && declared.strong().contains(s.family() + " " + s.id()));
    }

    @Test
    void aloneTheStandInKeepsItsRows() {
        String message = "After disabling NLA on the host it still fails with the same message.";

        assertThat(rowsOf("text nla-word", engine.fire(CaseFacts.ofText(message)).contributions()))
                .extracting(Contribution::causeId, Contribution::weight).containsExactly(tuple("nla.mismatch", 3));
    }

    @Test
    void theReplyShowsNoEvidenceFromTheStandIn() {
        String message = "RDP stopped working after the update; I have updated the client as well.";

        assertThat(engine.diagnose(CaseFacts.ofText(message)).causes()).flatExtracting(c -> c.evidence())
                .extracting(e -> e.rule()).noneMatch(rule -> rule.contains("update-word"));
    }

    /** Combination rules that read a stand-in and its stronger family fire once when both are written. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("combinationRules")
    void aRuleReadingAStandInAndItsStrongerFamilyFiresOnce(String rule, String message) {
        assertThat(engine.fire(CaseFacts.ofText(message)).contributions()).as(message)
                .filteredOn(c -> c.rule().equals(rule)).hasSize(1);
    }

    static Stream<Arguments> combinationRules() {
        return Stream.of(
                Arguments.of("mechanism: RDP Wrapper that broke after an update lost its termsrv.dll offsets",
                        "RDP Wrapper stopped working after the update; I updated the ini file as well."),
                Arguments.of("mechanism: a third-party client failing the security negotiation may be too old for the server",
                        "Remmina (FreeRDP 2.11) fails: the remote computer requires Network Level Authentication (NLA)."));
    }

    /** FreeRDP prints its negotiation failure's message beside the code: the code's rows weigh it, the text's do not. */
    @Test
    void aLogMessageBesideItsOwnCodeAddsNoneOfItsRows() {
        String log = "[ERROR][com.freerdp.core.nego] - Protocol Security Negotiation Failure\n"
                + "[ERROR][com.freerdp.core] - ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED [0x0002000C]";
        CodeFact code = new CodeFact("errconnect", "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0x2000c,
                "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED");

        assertThat(signalsSeen(log)).contains("text security-negotiation-failed");
        List<Contribution> said = engine.fire(withCodes(log, code)).contributions();
        assertThat(rowsOf("text security-negotiation-failed", said)).isEmpty();
        assertThat(said).filteredOn(c -> c.fact() == code).extracting(Contribution::causeId)
                .contains("nla.mismatch", "server.legacy-security-layer");
    }

    private static CaseFacts withCodes(String text, CodeFact... codes) {
        return new CaseFacts(List.of(text), List.of(codes), Map.of(), List.of(), List.of(), Optional.empty());
    }

    /** A second pack declares its own stand-in in a file; the same pack without the file counts both families. */
    @Test
    void aSecondPacksDeclarationTakesEffectAndWithoutItBothCount() throws IOException {
        Path withFile = copyOfPrinting("with");
        Files.writeString(withFile.resolve("stand-ins.tsv"), "# stand-in\tfor\twhy\n"
                + "text access-denied\ttext print-queue\tAccess denied beside the stuck queue is the spooler holding it.\n");
        CaseFacts facts = CaseFacts.ofText("Access denied while printing; the print queue is stuck");

        assertThat(spoolerRows(Engine.load(getClass().getClassLoader(), List.of(withFile)), facts))
                .containsExactly("printing: a stuck print queue is the spooler's");
        assertThat(spoolerRows(Engine.load(getClass().getClassLoader(), List.of(copyOfPrinting("without"))), facts))
                .containsExactlyInAnyOrder("printing: a stuck print queue is the spooler's",
                        "printing: access denied while printing can be a spooler holding the queue");
    }

    private static List<String> spoolerRows(Engine engine, CaseFacts facts) {
        return engine.fire(facts).contributions().stream()
                .filter(c -> c.causeId().equals("printer.spooler-stuck") && !c.hypothetical())
                .map(Contribution::rule).toList();
    }

    private StandIn declaration(String standIn) {
        return rdp.standIns().stream().filter(s -> s.standIn().equals(standIn)).findFirst()
                .orElseThrow(() -> new AssertionError(standIn + " is not declared in packs/rdp/stand-ins.tsv"));
    }

    /** The contributions of the stand-in's own signals.tsv rows (DRL rules may still read its signal). */
    private List<Contribution> rowsOf(String standIn, List<Contribution> said) {
        Set<String> rules = rdp.signals().stream().filter(row -> row.when().equals(standIn)).map(FanOut::rule)
                .collect(Collectors.toSet());
        assertThat(rules).as(standIn + " has rows").isNotEmpty();
        return said.stream().filter(c -> c.fact() instanceof Signal s && standIn.equals(s.family() + " " + s.id())
                && rules.contains(c.rule())).toList();
    }

    private static Set<String> signalsSeen(String message) {
        return SignalExtractor.of(Packs.bundled()).extract(List.of(message)).stream()
                .map(s -> s.family() + " " + s.id()).collect(Collectors.toSet());
    }

    private Path copyOfPrinting(String name) throws IOException {
        Path target = temp.resolve(name).resolve("printing");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Packs.PRINTING)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }
}

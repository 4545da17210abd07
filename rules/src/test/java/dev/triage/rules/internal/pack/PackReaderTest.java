package dev.triage.rules.internal.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.InvalidPackException;
import dev.triage.rules.PackProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackReaderTest {
    static final Path PRINTING = Path.of("src/test/resources/packs/printing");

    @TempDir
    Path temp;

    @Test
    void readsTheTinyPrintingPack() {
        Pack pack = read(PRINTING).orElseThrow();
        assertThat(pack.id()).isEqualTo("printing");
        assertThat(pack.drl()).isFalse();
        assertThat(pack.causes()).extracting(c -> c.id() + " " + c.scope() + " " + c.stage())
                .containsExactly("printer.offline target-network any", "printer.spooler-stuck client any");
        assertThat(pack.questions()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("printer-connection");
            assertThat(q.options()).extracting(o -> o.value()).containsExactly("usb", "network", "unknown");
            assertThat(q.unknownShare()).isEqualTo(0.2);
        });
        assertThat(pack.askedWhen()).containsEntry("printer-connection", List.of("text printer-offline",
                "text print-queue"));
        assertThat(pack.phrases()).extracting(PhraseFamily::signal)
                .containsExactly("text printer-offline", "text print-queue", "text access-denied");
        assertThat(pack.signals()).extracting(FanOut::when, FanOut::causeId, FanOut::weight, FanOut::lift).contains(
                tuple("text printer-offline", "printer.offline", 10, false),
                tuple("text access-denied", "printer.spooler-stuck", 3, true));
        assertThat(pack.answers()).extracting(FanOut::when, FanOut::causeId, FanOut::weight)
                .contains(tuple("printer-connection=usb", "printer.offline", -4));
    }

    @Test
    void aRowWithoutARuleNameGetsOneThatSaysWhatItMatches() {
        assertThat(read(PRINTING).orElseThrow().signals()).extracting(FanOut::rule)
                .contains("printing: text print-queue -> printer.offline");
    }

    @Test
    void theBundledRdpPackBringsThePrebuiltUnitAndItsTables() {
        Pack rdp = PackSet.load(getClass().getClassLoader(), List.of()).packs().get(0);
        assertThat(rdp.id()).isEqualTo("rdp");
        assertThat(rdp.drl()).isTrue();
        assertThat(rdp.causes()).hasSize(47);
        assertThat(rdp.questions()).extracting(q -> q.id()).startsWith("environment", "other-hosts-work", "vpn");
        assertThat(rdp.signals()).hasSizeGreaterThan(100);
        assertThat(rdp.answers()).hasSizeGreaterThan(30);
        assertThat(rdp.codes()).extracting(FanOut::when, FanOut::causeId, FanOut::weight)
                .contains(tuple("disconnect 0x104", "net.dns-wrong", 12));
    }

    @Test
    void aPacksWordsCannotWeighAnotherPacksCause() throws IOException {
        Path pack = copy();
        append(pack.resolve("signals.tsv"), "text\tprint-queue\tnet.vpn-unstable\t5\tsupport\n");
        assertThat(problems(pack)).extracting(PackProblem::file, PackProblem::line, PackProblem::field)
                .containsExactly(tuple(pack + "/signals.tsv", 7, "cause"));
        assertThat(problems(pack).get(0).message()).contains("'net.vpn-unstable' is not a cause of pack 'printing'");
    }

    @Test
    void aPackCannotAnswerForAnotherPacksQuestion() throws IOException {
        Path pack = copy();
        append(pack.resolve("answers.tsv"), "vpn\tvpn\tprinter.offline\t5\tlift\n");
        assertThat(problems(pack)).extracting(PackProblem::field, PackProblem::message)
                .containsExactly(tuple("question", "'vpn' is not a question of this pack's questions.tsv"));
    }

    @Test
    void everyBrokenFieldIsNamedWithItsFileAndLine() throws IOException {
        Path pack = copy();
        append(pack.resolve("causes.tsv"), "printer.jammed\tsomewhere\nPrinter Jammed\tclient\n"
                + "printer.toner-out\ttarget\tafter-lunch\n");
        append(pack.resolve("signals.tsv"), "text\tno-such-signal\tprinter.offline\t5\tsupport\n"
                + "text\tprint-queue\tprinter.offline\tmany\tboost\n");
        append(pack.resolve("phrases.txt"), "\ntext paper-jam: paper jam\n");
        append(pack.resolve("questions.tsv"), "paper\t2\tIs there paper?\tyes\n");
        assertThat(problems(pack)).extracting(p -> p.where() + ": " + p.field()).containsExactlyInAnyOrder(
                pack + "/causes.tsv line 4: scope",
                pack + "/causes.tsv line 5: cause",
                pack + "/causes.tsv line 6: stage",
                pack + "/phrases.txt line 12: source",
                pack + "/questions.tsv line 3: unknown-share",
                pack + "/questions.tsv line 3: options",
                pack + "/signals.tsv line 7: signal",
                pack + "/signals.tsv line 8: weight",
                pack + "/signals.tsv line 8: effect");
    }

    @Test
    void aSecondLineForTheSameSignalIsNamedNotMerged() throws IOException {
        Path pack = copy();
        append(pack.resolve("phrases.txt"), "\n# source: the vendor's status strings\ntext printer-offline: paused\n");
        assertThat(problems(pack)).extracting(p -> p.where() + ": " + p.field() + " " + p.message())
                .containsExactly(pack + "/phrases.txt line 13: signal 'text printer-offline' has two lines; this is"
                        + " the second (merge its phrases into the first)");
    }

    @Test
    void aRationaleColumnIsReadAndMayNotBeEmpty() throws IOException {
        Path pack = copy();
        append(pack.resolve("answers.tsv"), "printer-connection\tnetwork\tprinter.spooler-stuck\t-2\tlift\tr\t"
                + "A network printer queues on the print server, not on this PC.\n"
                + "printer-connection\tusb\tprinter.spooler-stuck\t2\tlift\tr\t \n");
        assertThat(problems(pack)).extracting(p -> p.where() + ": " + p.field())
                .containsExactly(pack + "/answers.tsv line 6: why");
        Files.writeString(pack.resolve("answers.tsv"), Files.readString(pack.resolve("answers.tsv"))
                .replace("\tr\t \n", "\n"));
        assertThat(read(pack).orElseThrow().answers()).extracting(FanOut::why)
                .contains("A network printer queues on the print server, not on this PC.", "");
    }

    @Test
    void answeredByNamesSignalsOfThePack() throws IOException {
        Path pack = copy();
        append(pack.resolve("questions.tsv"), "printer-model\t0.5\tWhich model?\tlaser=Laser | unknown=Don't know"
                + "\ttext printer-offline\ttext print-queue | text no-such-signal\n");
        assertThat(problems(pack)).extracting(p -> p.where() + ": " + p.field(), PackProblem::message)
                .containsExactly(tuple(pack + "/questions.tsv line 3: answered-by",
                        "'text no-such-signal' is not a signal of this pack's phrases.txt (write 'family id', e.g."
                                + " 'text printer-offline')"));
    }

    /** A context family only gives other families' words their context: no table row can weigh it. */
    @Test
    void aContextFamilyRaisesNoSignalToWeigh() throws IOException {
        Path pack = copy();
        append(pack.resolve("phrases.txt"), "\n# source: the spooler's own log line\ncontext spooler-line: "
                + "spooler subsystem app\n");
        append(pack.resolve("signals.tsv"), "context\tspooler-line\tprinter.offline\t5\tsupport\n");
        assertThat(problems(pack)).extracting(p -> p.field(), PackProblem::message)
                .containsExactly(tuple("signal", "'context spooler-line' is a context family: it raises no signal to"
                        + " weigh"));
    }

    /** Every answer weight of the bundled pack says why an admin would defend it. */
    @Test
    void everyAnswerRowOfTheRdpPackSaysWhy() {
        Pack rdp = PackSet.load(getClass().getClassLoader(), List.of()).packs().get(0);
        assertThat(rdp.answers()).allSatisfy(row -> assertThat(row.why()).as(row.when() + " -> " + row.causeId())
                .hasSizeGreaterThan(30));
        assertThat(rdp.answeredBy()).containsEntry("environment",
                List.of("env azure", "env other-cloud", "env on-premises"));
    }

    @Test
    void aPackWithoutBaseRatesStatesNone() {
        assertThat(read(PRINTING).orElseThrow().resolved()).isEmpty();
    }

    @Test
    void theBundledRdpPackCountsItsResolvedCases() {
        Pack rdp = PackSet.load(getClass().getClassLoader(), List.of()).packs().get(0);
        assertThat(rdp.resolved()).containsKey("server.rdp-implementation-bug");
        assertThat(rdp.resolved().values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(500);
    }

    @Test
    void baseRatesAreReadPerCause() throws IOException {
        Path pack = copy();
        Files.writeString(pack.resolve("base-rates.tsv"), "# cause\tresolved\nprinter.offline\t12\n");
        assertThat(read(pack).orElseThrow().resolved()).containsExactly(java.util.Map.entry("printer.offline", 12));
    }

    @Test
    void everyBrokenBaseRateFieldIsNamedWithItsFileAndLine() throws IOException {
        Path pack = copy();
        Files.writeString(pack.resolve("base-rates.tsv"), "# cause\tresolved\n"
                + "printer.offline\t12\n"
                + "net.vpn-unstable\t3\n"
                + "printer.offline\t4\n"
                + "printer.spooler-stuck\t-1\n"
                + "printer.spooler-stuck\n");
        assertThat(problems(pack)).extracting(p -> p.where() + ": " + p.field()).containsExactly(
                pack + "/base-rates.tsv line 6: resolved",
                pack + "/base-rates.tsv line 3: cause",
                pack + "/base-rates.tsv line 4: cause",
                pack + "/base-rates.tsv line 5: resolved");
    }

    @Test
    void aStandInIsReadWithTheSignalsItGivesWayTo() throws IOException {
        Path pack = copy();
        Files.writeString(pack.resolve("stand-ins.tsv"), "# stand-in\tfor\twhy\n"
                + "text access-denied\ttext print-queue | text printer-offline\tThe spooler's own refusal.\n");
        assertThat(read(pack).orElseThrow().standIns()).singleElement().satisfies(s -> {
            assertThat(s.standIn()).isEqualTo("text access-denied");
            assertThat(s.strong()).containsExactly("text print-queue", "text printer-offline");
        });
    }

    @Test
    void everyBrokenStandInFieldIsNamedWithItsFileAndLine() throws IOException {
        Path pack = copy();
        append(pack.resolve("phrases.txt"), "\n# source: the vendor's status strings\ntext paper-out: out of paper\n");
        Files.writeString(pack.resolve("stand-ins.tsv"), "# stand-in\tfor\twhy\n"
                + "text no-such-signal\ttext print-queue\tunknown stand-in\n"
                + "text paper-out\ttext print-queue\tpaper-out has no row to give up\n"
                + "text access-denied\ttext print-queue | text nothing\tunknown stronger signal\n"
                + "text print-queue\ttext print-queue\titself\n"
                + "text printer-offline\ttext print-queue\t \n"
                + "text access-denied\ttext print-queue\n");
        assertThat(problems(pack)).extracting(p -> p.where() + ": " + p.field()).containsExactly(
                pack + "/stand-ins.tsv line 7: why",
                pack + "/stand-ins.tsv line 2: stand-in",
                pack + "/stand-ins.tsv line 3: stand-in",
                pack + "/stand-ins.tsv line 4: for",
                pack + "/stand-ins.tsv line 5: for",
                pack + "/stand-ins.tsv line 6: why");
        assertThat(problems(pack).get(1).message())
                .isEqualTo("'text no-such-signal' is not a signal of this pack's phrases.txt nor a code of its"
                        + " codes.tsv (write 'family id', e.g. 'text nla-word', or 'kind code', e.g."
                        + " 'errconnect ERRCONNECT_CONNECT_FAILED')");
    }

    /** A code the pack weighs can stand in, or be the stronger fact; a code the pack does not weigh is refused. */
    @Test
    void aCodeOfTheCodesTableCanStandIn() throws IOException {
        Path pack = copy();
        Files.writeString(pack.resolve("codes.tsv"), "# kind\tcode\tcause\tweight\teffect\trule\n"
                + "status\t0x709\tprinter.spooler-stuck\t4\tsupport\tprinting: the spooler's error\n");
        Files.writeString(pack.resolve("stand-ins.tsv"), "# stand-in\tfor\twhy\n"
                + "text access-denied\tstatus 0x709\tThe spooler's refusal printed beside its code.\n"
                + "status 0x709\ttext print-queue\tThe code beside the queue named.\n"
                + "status 0x1\ttext print-queue\tA code without rows.\n");
        assertThat(problems(pack)).extracting(p -> p.where() + ": " + p.field() + ": " + p.message()).containsExactly(
                pack + "/stand-ins.tsv line 4: stand-in: 'status 0x1' is not a signal of this pack's phrases.txt nor a"
                        + " code of its codes.tsv (write 'family id', e.g. 'text nla-word', or 'kind code', e.g."
                        + " 'errconnect ERRCONNECT_CONNECT_FAILED')");
    }

    /** Two signals standing in for each other would both give up their rows when both fire: the fact would vanish. */
    @Test
    void standInsThatLoopAreRefused() throws IOException {
        Path pack = copy();
        Files.writeString(pack.resolve("stand-ins.tsv"), "text access-denied\ttext print-queue\tone\n"
                + "text print-queue\ttext printer-offline\ttwo\n"
                + "text printer-offline\ttext access-denied\tthree\n");
        assertThat(problems(pack)).extracting(p -> p.where() + ": " + p.field()).containsExactly(
                pack + "/stand-ins.tsv line 1: for",
                pack + "/stand-ins.tsv line 2: for",
                pack + "/stand-ins.tsv line 3: for");
    }

    @Test
    void theRdpPackDeclaresItsStandInsAsData() {
        Pack rdp = PackSet.load(getClass().getClassLoader(), List.of()).packs().get(0);
        assertThat(rdp.standIns()).extracting(StandIn::standIn).contains("text nla-word", "text update-word",
                "text security-negotiation-failed");
        assertThat(rdp.standIns()).allSatisfy(s -> assertThat(s.why()).as(s.standIn()).hasSizeGreaterThan(30));
    }

    @Test
    void aCodeRowNamesAKindTheDecoderReports() throws IOException {
        Path pack = copy();
        Files.writeString(pack.resolve("codes.tsv"), "status\t0x00000709\tprinter.spooler-stuck\t6\tsupport\n"
                + "hresult\t0x80070709\tprinter.spooler-stuck\t6\tsupport\n");
        assertThat(problems(pack)).extracting(p -> p.where() + ": " + p.field())
                .containsExactly(pack + "/codes.tsv line 2: kind");
    }

    @Test
    void aFolderPackCannotClaimThePrebuiltRules() throws IOException {
        Path pack = copy();
        append(pack.resolve("pack.properties"), "rule-unit=DiagnosisUnit\n");
        assertThat(problems(pack)).extracting(PackProblem::field).containsExactly("rule-unit");
    }

    @Test
    void aPackWithoutItsPropertiesOrCausesIsNamed() throws IOException {
        Path pack = copy();
        Files.delete(pack.resolve("causes.tsv"));
        assertThat(problems(pack)).extracting(p -> p.where() + ": " + p.field())
                .contains(pack + "/causes.tsv: file");
    }

    @Test
    void packsShareNoCauseAndNoQuestion() throws IOException {
        Path pack = copy();
        append(pack.resolve("causes.tsv"), "net.vpn-unstable\tpath\n");
        append(pack.resolve("questions.tsv"), "vpn\t0\tVPN?\tyes=Yes | no=No\n");
        assertThatThrownBy(() -> PackSet.load(getClass().getClassLoader(), List.of(pack)))
                .isInstanceOf(InvalidPackException.class)
                .hasMessageStartingWith("pack 'printing': cause: 'net.vpn-unstable' is already a cause of pack 'rdp'")
                .hasMessageContaining("and 1 more problems");
    }

    @Test
    void aFolderOfArticlesOnlyHoldsNoPack() throws IOException {
        Files.writeString(temp.resolve("our-vpn.md"), "---\n---\n");
        assertThat(PackSet.load(getClass().getClassLoader(), List.of(temp)).packs()).extracting(Pack::id)
                .containsExactly("rdp");
    }

    private static Optional<Pack> read(Path dir) {
        List<PackProblem> problems = new ArrayList<>();
        Optional<Pack> pack = PackReader.read(PackFiles.folder(dir), problems);
        assertThat(problems).isEmpty();
        return pack;
    }

    private static List<PackProblem> problems(Path dir) {
        List<PackProblem> problems = new ArrayList<>();
        assertThat(PackReader.read(PackFiles.folder(dir), problems)).isEmpty();
        return problems;
    }

    private Path copy() throws IOException {
        Path target = temp.resolve("printing");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(PRINTING)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text, StandardCharsets.UTF_8);
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fact, one weight (branch falseleaders, counted-once.drl): a stand-in family beside its strong family gives its
 * weight back, and a rule whose second condition lists several families fires once however many of them match. The
 * texts are made up; none is a development case's wording.
 */
class CountedOnceTest {
    private final Fire fire = new Fire();

    static Stream<Arguments> bothFamilies() {
        return Stream.of(
                Arguments.of("counted once: xrdp named outright and by its libraries or start script",
                        "server.rdp-implementation-bug", -5,
                        "xrdp on Ubuntu 22.04: I edited startwm.sh and now the session closes right after the login."),
                Arguments.of("counted once: VirtualBox's VRDE named and its headless mode or Extension Pack",
                        "server.rdp-implementation-bug", -5,
                        "The VM runs with VBoxHeadless and VRDE is on, but mstsc cannot connect to it."),
                Arguments.of("counted once: an update named and the bare update word",
                        "update.regression", -2,
                        "RDP stopped working after the update; I have updated the client as well."),
                Arguments.of("counted once: the can't-reach dialog and its could-not-connect sentence",
                        "net.port-blocked", -1,
                        "Remote Desktop can't connect to the remote computer for one of these reasons: Remote access to "
                                + "the server is not enabled, the remote computer is turned off."),
                Arguments.of("counted once: Network Level Authentication named and its abbreviation",
                        "nla.mismatch", -3,
                        "The remote computer requires Network Level Authentication (NLA), which your computer does not support."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothFamilies")
    void theStandInGivesItsWeightBackBesideTheStrongFamily(String rule, String cause, int weight, String message) {
        assertThat(Fire.said(fire.text(message))).as(message).contains(tuple(rule, cause, weight));
    }

    /** Each take-back above, with the stand-in family whose pack row it undoes. */
    static Stream<Arguments> standInRows() {
        return Stream.of(
                Arguments.of("linux-rdp-server-more", "server.rdp-implementation-bug", -5),
                Arguments.of("virtualbox-headless", "server.rdp-implementation-bug", -5),
                Arguments.of("update-word", "update.regression", -2),
                Arguments.of("update-word", "credssp.oracle-remediation", -1),
                Arguments.of("cant-connect", "net.port-blocked", -1),
                Arguments.of("nla-word", "nla.mismatch", -3));
    }

    /** The rules copy the stand-in's weight; a changed row in signals.tsv must change its take-back too. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("standInRows")
    void eachTakeBackUndoesExactlyTheStandInsRow(String standIn, String cause, int takeBack) throws IOException {
        assertThat(textRowWeight(standIn, cause)).as(standIn + " -> " + cause).isEqualTo(-takeBack);
    }

    private static int textRowWeight(String signal, String cause) throws IOException {
        try (InputStream in = CountedOnceTest.class.getResourceAsStream("/packs/rdp/signals.tsv")) {
            String[] row = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.split("\t"))
                    .filter(cols -> cols.length > 3 && cols[0].equals("text") && cols[1].equals(signal)
                            && cols[2].equals(cause))
                    .findFirst().orElseThrow(() -> new AssertionError("no row text " + signal + " -> " + cause));
            return Integer.parseInt(row[3]);
        }
    }

    @Test
    void theStandInAloneKeepsItsWeight() {
        String message = "After disabling NLA on the host it still fails with the same message.";

        assertThat(Fire.said(fire.text(message))).as(message)
                .extracting(t -> (String) t.toArray()[0])
                .noneMatch(rule -> rule.startsWith("counted once:"));
    }

    @Test
    void aRuleWithSeveralCoOccurringFamiliesFiresOnce() {
        String message = "With /sec:tls it fails against Windows Server 2008 R2; it only speaks TLS 1.0.";

        assertThat(Fire.said(fire.text(message)))
                .filteredOn(t -> t.toArray()[0].equals("text: NLA wording with a working TLS or RDP security mode"))
                .hasSize(1);
    }
}

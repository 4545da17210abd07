package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Version facts by vendor catalogue (issue 13): Windows updates whose documented known issues break Remote Desktop,
 * named by KB id (phrases.txt's known-issue table), read as update.regression; the 2018 CredSSP enforcement updates
 * read as the CredSSP patch-level mismatch they cause by design; clients their vendors retired read as outdated clients.
 * Texts are made up in the register of the cited pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpdateCatalogueWordingTest {
    private static final Pattern FAMILY_LINE = Pattern.compile("(?m)^text rdp-known-issue-kb: (.+)$");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^# (KB\\d{7}[^|]*)\\|(.*)$");
    private static final String UDP_AFTER_FEATURE_UPDATE =
            "mechanism: the UDP transport failing after a feature update is the feature update's known issue";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            rdp-known-issue-kb   | update.regression          | 8  | 'Since KB5073724 the Windows App keeps asking for my password and never signs in'
            rdp-known-issue-kb   | update.regression          | 8  | 'Our 2019 RD Gateway drops every user since KB 5041578 was installed'
            rdp-known-issue-kb   | update.regression          | 8  | 'After installing KB5077796 the sign-in works again'
            rdp-known-issue-build | update.regression         | 6  | 'winver shows 19045.6809 and the Windows App sign-in fails since then'
            rdp-known-issue-build | update.regression         | 6  | 'Nobody can log on through RDP since the January 2026 update'
            udp-65-second-drop   | update.regression          | 8  | 'Every session to the 2016 host disconnects after about 65 seconds'
            retired-client       | client.outdated-app        | 4  | 'I connect from my old Mac with the CoRD client and it just closes'
            retired-client       | client.outdated-app        | 4  | 'The Remote Desktop app from the Microsoft Store shows error 0x3 on connect'
            credssp-enforcing-kb | credssp.oracle-remediation | 10 | 'The server got KB4103723 last night and now my laptop cannot connect'
            """)
    void catalogueWordingRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void aKnownIssueKbOutranksTheGatewayReadingOfItsSymptom() {
        String message = "Users get disconnected from the RD Gateway every few minutes since KB5040430.";

        assertThat(ranked(message).get(0)).isEqualTo("update.regression");
    }

    @Test
    void theCredsspEnforcementUpdateIsThePatchLevelMismatchNotARegression() {
        String message = "After KB4103723 the client says an authentication error has occurred.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(
                "text: a CredSSP enforcement update worked as designed; the generic KB reading (update -> "
                        + "update.regression) is not the mechanism, so rolling it back is not the fix "
                        + "(credssp-enforcing-kb lifts update.regression)",
                "update.regression", -4));
        assertThat(ranked(message).get(0)).isEqualTo("credssp.oracle-remediation");
    }

    @Test
    void theUdpTransportNamedBesideAFeatureUpdateIsThatUpdatesKnownIssue() {
        assertThat(Fire.pairs(fire.text("Since 24H2 Remote Desktop no longer works over UDP, TCP is fine")))
                .contains(tuple(UDP_AFTER_FEATURE_UPDATE, "update.regression"));
        assertThat(Fire.pairs(fire.text("Remote Desktop no longer works over UDP, TCP is fine")))
                .doesNotContain(tuple(UDP_AFTER_FEATURE_UPDATE, "update.regression"));
    }

    @Test
    void anUnlistedKbIsOnlyTheGenericUpdateWording() {
        assertThat(Fire.said(fire.text("KB5012345 was installed and now RDP fails")))
                .noneMatch(said -> ((String) said.toList().get(0)).endsWith("(rdp-known-issue-kb -> update.regression)"));
    }

    /** Every KB id of the family has a row in the known-issue table, and every row names its source page. */
    @Test
    void everyKnownIssueKbIsSourcedInTheTable() throws IOException {
        String phrases = packPhrases();
        Matcher family = FAMILY_LINE.matcher(phrases);
        assertThat(family.find()).as("family rdp-known-issue-kb").isTrue();
        List<String> kbs = Arrays.stream(family.group(1).split("\\|")).map(String::strip)
                .filter(p -> !p.contains(" ")).toList();
        StringBuilder table = new StringBuilder();
        Matcher row = TABLE_ROW.matcher(phrases);
        while (row.find()) {
            assertThat(row.group(2)).as(row.group(1)).contains("https://");
            table.append(row.group()).append('\n');
        }
        String rows = table.toString().toLowerCase(Locale.ROOT);
        assertThat(kbs).isNotEmpty().allSatisfy(kb -> assertThat(rows).as(kb).contains(kb));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }

    private static String packPhrases() throws IOException {
        try (InputStream in = UpdateCatalogueWordingTest.class.getResourceAsStream("/packs/rdp/phrases.txt")) {
            assertThat(in).as("packs/rdp/phrases.txt on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

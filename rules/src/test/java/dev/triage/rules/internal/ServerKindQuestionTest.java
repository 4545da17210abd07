package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What runs on the remote computer (questions.tsv server-kind, answers.tsv): the answer separates the third-party
 * servers, Windows Server with its Session Host role, Windows PCs and Azure Virtual Desktop. The texts are made up in
 * the register of help forums; none is a development case's wording.
 */
class ServerKindQuestionTest {
    private static final String SERVER_KIND = "server-kind";
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aPasteThatNamesTheServerIsNeverAskedWhatItRuns() {
        for (String message : List.of("xrdp shows a black screen after the login and then closes",
                "RDP Wrapper says not supported since the update, nobody can connect",
                "Windows Server 2019: the remote session was disconnected because there are no Remote Desktop License "
                        + "Servers available",
                "I rdp into my Ubuntu box from the office and get a blank screen",
                "RDAgentBootLoader keeps stopping and the session host is unavailable")) {
            assertThat(askedIds(CaseFacts.ofText(message))).as(message).doesNotContain(SERVER_KIND);
        }
    }

    @Test
    void aLinuxServerPutsTheThirdPartyServerFirstAndWindowsOwnPartsDown() {
        String message = "Since this morning I get a black screen after signing in and then the session closes.";

        List<String> linux = rankedWith(message, "linux");
        assertThat(linux.get(0)).isEqualTo("server.rdp-implementation-bug");
        assertThat(rankedWith(message, "windows-pro").get(0)).isNotEqualTo("server.rdp-implementation-bug");
        assertThat(position(linux, "session.display-driver"))
                .isGreaterThan(position(rankedWith(message, "windows-pro"), "session.display-driver"));
    }

    @Test
    void onlyWindowsServerKeepsTheLicensingReading() {
        String message = "The remote session was disconnected because there are no Remote Desktop License Servers "
                + "available to provide a license.";

        assertThat(rankedWith(message, "windows-server").get(0)).isEqualTo("license.no-server");
        // A PC or a Linux server cannot hold the Session Host role: the answer weighs against the dialog's reading.
        // Linux rules it out by definition (-20: RDS licensing is a Windows role), which takes the grace period off
        // the list; the Windows PC row stays -10 (a measured rarity: 0 of 13 licensing cases answer so).
        assertThat(answerWeight(message, "windows-server", "license.no-server")).isEqualTo(3);
        assertThat(answerWeight(message, "windows-pro", "license.no-server")).isEqualTo(-10);
        assertThat(answerWeight(message, "linux", "license.no-server")).isEqualTo(-20);
        assertThat(rankedWith(message, "linux")).doesNotContain("license.grace-expired");
    }

    @Test
    void aHomePcServesRdpThroughAPatchAndAskedAfterAnUpdateNamesIt() {
        String message = "Remote Desktop to my second PC stopped accepting connections after last night's update.";

        assertThat(position(rankedWith(message, "windows-home"), "server.rdp-implementation-bug"))
                .isLessThan(position(rankedWith(message, "windows-server"), "server.rdp-implementation-bug"));
    }

    @Test
    void azureVirtualDesktopHasNoInboundSecurityGroupRule() {
        String message = "The Azure VM does not answer on RDP, the connection times out.";

        List<String> azureVm = rankedWith(message, Map.of("environment", "azure"));
        assertThat(azureVm.get(0)).isEqualTo("azure.nsg");
        assertThat(position(rankedWith(message, Map.of("environment", "azure", SERVER_KIND, "avd")), "azure.nsg"))
                .isGreaterThan(position(azureVm, "azure.nsg"));
    }

    private List<String> askedIds(CaseFacts facts) {
        return diagnoser.diagnose(facts).questions().stream().map(Question::id).toList();
    }

    private static int position(List<String> ranked, String cause) {
        int at = ranked.indexOf(cause);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private int answerWeight(String message, String kind, String cause) {
        return diagnoser.diagnose(facts(message, Map.of(SERVER_KIND, kind))).causes().stream()
                .filter(c -> c.id().equals(cause)).flatMap(c -> c.evidence().stream())
                .filter(e -> e.rule().startsWith("answers: ")).mapToInt(e -> e.weight()).sum();
    }

    private List<String> rankedWith(String message, String kind) {
        return rankedWith(message, Map.of(SERVER_KIND, kind));
    }

    private List<String> rankedWith(String message, Map<String, String> answers) {
        return diagnoser.diagnose(facts(message, answers)).causeIds();
    }

    private static CaseFacts facts(String message, Map<String, String> answers) {
        return new CaseFacts(List.of(message), List.of(), answers, List.of(), List.of(), Optional.empty());
    }
}

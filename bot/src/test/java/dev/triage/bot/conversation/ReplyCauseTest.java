package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyCauseTest {
    private static final String CLIENT = "the client looks like guacamole (\"JumpServer\")";

    @Test
    void aFactTwoRulesCiteIsReadOnceWhileTheJsonKeepsBoth() {
        Reply.Cause cause = new Reply.Cause("client.outdated-app", "The RDP client app is too old", 0.1, List.of(
                new Evidence("environment: FreeRDP-based clients lag", CLIENT, 2, false),
                new Evidence("articles: a lower article matches", "a knowledge article matched", 1, true),
                new Evidence("mechanism: a FreeRDP-based client keeps the client on the list", CLIENT, 1, false)));

        assertThat(cause.readableEvidence()).extracting(Evidence::text)
                .containsExactly(CLIENT, "a knowledge article matched");
        assertThat(cause.evidence()).hasSize(3);
    }

    @Test
    void aFactOneRuleTakesBackIsLeftOutAndAPartlyTakenBackOneKeepsItsSide() {
        Reply.Cause cause = new Reply.Cause("server.rdp-implementation-bug", "A third-party RDP server defect", 0.03,
                List.of(new Evidence("text: xrdp session", "the text speaks of xrdp session (\"sesman\")", 8, false),
                        new Evidence("code: 0x204", "error 0x204", 6, false),
                        new Evidence("layer: PAM refused", "the text speaks of xrdp session (\"sesman\")", -8, false),
                        new Evidence("probe: port open", "error 0x204", -4, false),
                        new Evidence("text: port 3350", "port 3350", -3, false)));

        assertThat(cause.readableEvidence()).extracting(Evidence::text, Evidence::weight)
                .containsExactly(tuple("port 3350", -3), tuple("error 0x204", 2));
    }
}

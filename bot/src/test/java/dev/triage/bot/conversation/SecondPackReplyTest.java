package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.knowledge.SearchHit;
import dev.triage.rules.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a tiny second pack (two causes, one question, three phrase families, one article), kept
 * as test resources and given as the knowledge folder, diagnoses its own case without any Java of its own. And a
 * site's article that extends a bundled cause puts its local fixes first, marked as the site's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondPackReplyTest {
    static final Path PRINTING = Path.of("../rules/src/test/resources/packs/printing");
    private BotApplication app;

    @BeforeAll
    void start() {
        app = BotApplication.create(BotConfig.defaults().withKnowledgeDir(PRINTING));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void diagnosesWithTheSecondPackAsksItsQuestionAndShowsItsArticle() {
        Reply reply = app.engine().reply(state("Since this morning the printer is offline and my documents are stuck"
                + " in the print queue.", Map.of()));

        assertThat(reply.causes()).extracting(Reply.Cause::id).startsWith("printer.offline");
        assertThat(reply.causes().get(0).title())
                .isEqualTo("The printer shows as offline: it is off, asleep or lost its network address");
        assertThat(reply.questions()).extracting(Question::id).first().isEqualTo("printer-connection");
        assertThat(reply.articles()).extracting(SearchHit::articleId).first().isEqualTo("printer-offline");
        assertThat(reply.fixes().get(0).steps()).containsExactly(
                TurnEngine.SITE_STEP + "Turn the printer off and on, and wake it from sleep.",
                TurnEngine.SITE_STEP + "Give the printer a fixed address (a DHCP reservation) and point the PC's"
                        + " printer port at it.");
    }

    @Test
    void itsAnswerMovesItsCausesApart() {
        String text = "The printer is offline and documents are stuck in the print queue";
        Reply before = app.engine().reply(state(text, Map.of()));
        Reply after = app.engine().reply(state(text, Map.of("printer-connection", "usb")));
        assertThat(confidence(after, "printer.spooler-stuck")).isGreaterThan(confidence(before, "printer.spooler-stuck"));
        assertThat(after.causes()).filteredOn(c -> c.id().equals("printer.spooler-stuck")).first()
                .satisfies(c -> assertThat(c.evidence()).extracting(e -> e.rule())
                        .contains("printing: with a USB printer the queue on this PC is what is left"));
        assertThat(after.questions()).extracting(Question::id).doesNotContain("printer-connection");
    }

    private static double confidence(Reply reply, String cause) {
        return reply.causes().stream().filter(c -> c.id().equals(cause)).findFirst().orElseThrow().confidence();
    }

    @Test
    void rdpCasesAreDiagnosedAsBefore() {
        Reply reply = app.engine().reply(state("Error code: 0x904 Extended error code: 0x7", Map.of()));
        assertThat(reply.causes()).extracting(Reply.Cause::id).noneMatch(id -> id.startsWith("printer."));
    }

    @Test
    void aSiteArticleExtendsABundledCauseWithItsOwnFixesFirst(@TempDir Path site) throws IOException {
        Files.writeString(site.resolve("our-vpn.md"), """
                ---
                id: our-vpn
                title: "Our VPN is GlobalProtect"
                causes: [net.vpn-unstable]
                codes: []
                tags: [vpn]
                sources:
                  - title: "Helpdesk runbook: VPN"
                    url: "https://intranet.example.com/runbooks/vpn"
                updated: 2026-12-06
                ---

                ## How users describe it
                - "GlobalProtect says connected but Remote Desktop drops"

                ## How to confirm
                1. Open GlobalProtect and check that the portal is vpn.example.com.

                ## Fixes
                1. First check that GlobalProtect is on the vpn.example.com portal, not the guest one.
                """);
        try (BotApplication local = BotApplication.create(BotConfig.defaults().withKnowledgeDir(site))) {
            Reply reply = local.engine().reply(state("Over the VPN the session drops every few minutes and"
                    + " reconnects. Error code: 0x904 Extended error code: 0x7", Map.of()));
            Reply.Fix vpn = reply.fixes().stream().filter(f -> f.cause().equals("net.vpn-unstable")).findFirst()
                    .orElseThrow();
            assertThat(vpn.steps().get(0)).isEqualTo(TurnEngine.SITE_STEP
                    + "First check that GlobalProtect is on the vpn.example.com portal, not the guest one.");
            assertThat(vpn.steps()).hasSizeGreaterThan(2);
            assertThat(vpn.steps().subList(1, vpn.steps().size())).noneMatch(s -> s.startsWith(TurnEngine.SITE_STEP));
            assertThat(vpn.articleId()).isEqualTo("net-vpn-unstable");
            assertThat(reply.causes()).filteredOn(c -> c.id().equals("net.vpn-unstable")).first()
                    .extracting(Reply.Cause::title).asString().doesNotContain("GlobalProtect");
        }
    }

    private static CaseState state(String text, Map<String, String> answers) {
        return new CaseState(List.of(text), answers, Optional.empty(), List.of());
    }
}

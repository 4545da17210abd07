package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.SearchHit;
import dev.triage.rules.ArticleFact;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnEngineTest {
    @Test
    void freerdpErrorsReachTheRulesByNameWhicheverSpellingWasPasted() {
        DecodedCode byValue = new DecodedCode("0x2000f", CodeKind.FREERDP_CONNECT_ERROR, 0x2000f,
                "ERRCONNECT_PASSWORD_CERTAINLY_EXPIRED", "meaning", "FreeRDP error.h", "[0x0002000F]");
        DecodedCode disconnect = new DecodedCode("0x904", CodeKind.DISCONNECT_REASON, 0x904,
                "disconnectReasonAtClientWinsockFDCLOSE", "Socket closed.", "ONDISC", "Error code: 0x904");

        assertThat(TurnEngine.ruleCode(byValue)).isEqualTo("ERRCONNECT_PASSWORD_CERTAINLY_EXPIRED");
        assertThat(TurnEngine.ruleCode(disconnect)).isEqualTo("0x904");
    }

    @Test
    void aCausesSecondArticleDoesNotPushTheNextCauseDown() {
        // A site's own article beside the pack's names the same cause: the cause after them is the second cause.
        List<ArticleFact> facts = TurnEngine.articleFacts(List.of(hit("site-vpn", "net.vpn-unstable", 30),
                hit("net-vpn-unstable", "net.vpn-unstable", 28), hit("net-dns-wrong", "net.dns-wrong", 15)));

        assertThat(facts).extracting(ArticleFact::causeId, ArticleFact::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("net.vpn-unstable", 0),
                        org.assertj.core.groups.Tuple.tuple("net.dns-wrong", 1));
        assertThat(facts.get(1).score()).isEqualTo(0.5);
    }

    @Test
    void aSearchWhoseBestHitStaysBelowTheFloorIsWeak() {
        assertThat(TurnEngine.articleFacts(List.of(hit("update-regression", "update.regression", 6.6),
                hit("net-idle-reset", "net.idle-reset", 5.5)))).allMatch(ArticleFact::weak);
        assertThat(TurnEngine.articleFacts(List.of(hit("update-regression", "update.regression", 10),
                hit("net-idle-reset", "net.idle-reset", 5.5)))).noneMatch(ArticleFact::weak);
    }

    private static SearchHit hit(String id, String cause, double score) {
        return new SearchHit(id, id, List.of(cause), score);
    }
}

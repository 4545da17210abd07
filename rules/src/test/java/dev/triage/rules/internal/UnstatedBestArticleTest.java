package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.ArticleFact;
import dev.triage.rules.CaseFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The best article's full points are for agreeing with what the text states. Where the rules name another cause with
 * at least a leading article's points and nothing names the article's own cause, its match came from the words every
 * RDP post shares, and it counts like the leading articles behind it; where the rules name nothing, articles alone
 * rank the causes as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnstatedBestArticleTest {
    private static final String CREDSSP = "An authentication error has occurred. The function requested is not"
            + " supported. This could be due to CredSSP encryption oracle remediation.";
    private static final String GENERIC = "remote desktop stopped working, can't connect anymore";
    private final Fire fire = new Fire();

    @Test
    void aBestArticleForACauseTheTextDoesNotNameCountsAsALeadingOne() {
        assertThat(articleRows(CREDSSP, new ArticleFact("auth.microsoft-account", 1.0, 0)))
                .containsExactly(tuple(PackRules.UNSTATED_BEST_ARTICLE, "auth.microsoft-account", 3));
    }

    @Test
    void aBestArticleThatAgreesWithTheTextKeepsItsFullPoints() {
        assertThat(articleRows(CREDSSP, new ArticleFact("credssp.oracle-remediation", 1.0, 0)))
                .containsExactly(tuple(PackRules.BEST_ARTICLE, "credssp.oracle-remediation", 6));
    }

    @Test
    void whereTheRulesNameNothingTheBestArticleStillLeads() {
        assertThat(articleRows(GENERIC, new ArticleFact("net.port-blocked", 1.0, 0),
                new ArticleFact("update.regression", 0.9, 1)))
                .containsExactly(tuple(PackRules.BEST_ARTICLE, "net.port-blocked", 6),
                        tuple(PackRules.LEADING_ARTICLE, "update.regression", 3));
    }

    @Test
    void theUnstatedBestArticleNoLongerOutranksTheStatedCause() {
        Ranking ranking = Ranking.of(fire.fire(facts(CREDSSP, new ArticleFact("auth.microsoft-account", 1.0, 0),
                new ArticleFact("credssp.oracle-remediation", 0.9, 1))).contributions());

        assertThat(ranking.order().get(0)).isEqualTo("credssp.oracle-remediation");
        assertThat(ranking.score("auth.microsoft-account")).isEqualTo(3);
    }

    private List<org.assertj.core.groups.Tuple> articleRows(String text, ArticleFact... articles) {
        return Fire.said(fire.fire(facts(text, articles))).stream()
                .filter(t -> ((String) t.toList().get(0)).startsWith("articles:")).toList();
    }

    private static CaseFacts facts(String text, ArticleFact... articles) {
        return new CaseFacts(List.of(text), List.of(), Map.of(), List.of(articles), List.of(), Optional.empty());
    }
}

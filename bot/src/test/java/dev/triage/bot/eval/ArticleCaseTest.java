package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.SearchHit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import org.junit.jupiter.api.Test;

/** The ranking the article fit rebuilds must be the one the rules would build from the same points. */
class ArticleCaseTest {
    private static final ToIntBiFunction<Double, Integer> HAND_SET = ArticleForms.current().weight();

    @Test
    void anArticleMakesACauseACandidateAndItsRulePointsThenCount() {
        // net.port-blocked has only a lift (-2) from the rules: alone it is not ranked; its article's 6 points put it
        // on the list at 6 - 2. cert.expired's rules support it with 5 and no article names it.
        ArticleCase c = new ArticleCase("f", new EvalCase("a1", "text", "net.port-blocked"),
                Map.of("net.port-blocked", -2, "cert.expired", 5, "nla.mismatch", -1), Set.of("cert.expired"),
                List.of(hit("port", 10, "net.port-blocked"), hit("nla", 1, "nla.mismatch")));

        assertThat(c.ranked(HAND_SET, false)).containsExactly(new Ranked("cert.expired", 5, 0),
                new Ranked("net.port-blocked", 4, 0));
    }

    @Test
    void equalScoresRankByIdAndPositiveSumsOnly() {
        ArticleCase c = new ArticleCase("f", new EvalCase("a2", "text", "b.cause"),
                Map.of("b.cause", 3, "a.cause", 3, "c.cause", 0), Set.of("a.cause", "b.cause", "c.cause"), List.of());

        assertThat(c.ranked(HAND_SET, false)).extracting(Ranked::id).containsExactly("a.cause", "b.cause");
    }

    @Test
    void summingCountsEveryArticleOfACauseWhereTheBestOneCountsOnce() {
        ArticleCase c = new ArticleCase("f", new EvalCase("a3", "text", "x.cause"), Map.of("x.cause", 0),
                Set.of(), List.of(hit("x1", 10, "x.cause"), hit("x2", 9, "x.cause")));

        assertThat(c.ranked(HAND_SET, false)).containsExactly(new Ranked("x.cause", 6, 0));
        assertThat(c.ranked(HAND_SET, true)).containsExactly(new Ranked("x.cause", 9, 0));
    }

    @Test
    void retrievalLooksOnlyAtTheFirstArticles() {
        ArticleCase c = new ArticleCase("f", new EvalCase("a4", "text", "y.cause"), Map.of(), Set.of(),
                List.of(hit("x", 10, "x.cause"), hit("y", 9, "z.cause", "y.cause")));

        assertThat(c.retrieved(1)).isFalse();
        assertThat(c.retrieved(2)).isTrue();
    }

    private static SearchHit hit(String id, double score, String... causes) {
        return new SearchHit(id, id, List.of(causes), score);
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.ArticleFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleRowsTest {
    private final Fire fire = new Fire();

    @Test
    void strongTopArticleSupportsItsCause() {
        assertThat(Fire.said(fire.articles(new ArticleFact("cert.expired", 0.9, 0)))).containsExactly(
                tuple("articles: the best article matches strongly", "cert.expired", 6));
    }

    @Test
    void weakerAndLowerArticlesNudge() {
        assertThat(Fire.said(fire.articles(new ArticleFact("nla.mismatch", 0.4, 1),
                new ArticleFact("net.dns-wrong", 0.25, 5)))).containsExactlyInAnyOrder(
                tuple("articles: a leading article matches", "nla.mismatch", 3),
                tuple("articles: a lower article matches", "net.dns-wrong", 1));
    }

    @Test
    void aWeakSearchGivesItsBestArticleTheLeadingPointsOnly() {
        // The best hit is normalised to 1.00 however little it matched; a search whose best raw score stayed below
        // the floor matched generic words, so its first article counts like the ones just behind it.
        assertThat(Fire.said(fire.articles(new ArticleFact("cert.expired", 1.0, 0, true),
                new ArticleFact("nla.mismatch", 0.8, 1, true), new ArticleFact("net.dns-wrong", 0.25, 5, true))))
                .containsExactlyInAnyOrder(
                        tuple("articles: a leading article matches", "cert.expired", 3),
                        tuple("articles: a leading article matches", "nla.mismatch", 3),
                        tuple("articles: a lower article matches", "net.dns-wrong", 1));
    }

    @Test
    void articlesForUnknownCausesAreIgnored() {
        assertThat(Fire.said(fire.articles(new ArticleFact("printer.jammed", 1.0, 0)))).isEmpty();
    }
}

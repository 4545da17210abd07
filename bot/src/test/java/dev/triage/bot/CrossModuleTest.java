package dev.triage.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.Article;
import dev.triage.knowledge.KnowledgeBase;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.Question;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shared vocabulary holds across modules: causes, articles and questions line up. */
class CrossModuleTest {
    final KnowledgeBase knowledge = KnowledgeBase.bundled();
    final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void everyCauseARuleCanEmitHasAnArticle() {
        Set<String> covered = knowledge.articles().stream().flatMap(a -> a.causes().stream())
                .collect(Collectors.toSet());
        assertThat(new TreeSet<>(diagnoser.causeIds())).allSatisfy(c -> assertThat(covered).as(c).contains(c));
    }

    @Test
    void everyArticlesCauseHasARule() {
        for (Article article : knowledge.articles()) {
            assertThat(diagnoser.causeIds()).as(article.file()).containsAll(article.causes());
        }
    }

    @Test
    void everyCauseACodeTablePointsAtIsOneTheRulesKnow() {
        assertThat(knowledge.codeCauses()).isNotEmpty();
        assertThat(diagnoser.causeIds()).containsAll(knowledge.codeCauses());
    }

    @Test
    void everyQuestionHasTextAndOptionsOrIsFreeText() {
        assertThat(diagnoser.questions()).isNotEmpty();
        for (Question q : diagnoser.questions()) {
            assertThat(q.text()).as(q.id()).isNotBlank().endsWith("?");
            if (!q.id().equals("target-host")) {
                assertThat(q.options()).as(q.id()).hasSizeGreaterThanOrEqualTo(2);
            }
            q.options().forEach(o -> assertThat(o.label()).as(q.id() + "=" + o.value()).isNotBlank());
        }
    }
}

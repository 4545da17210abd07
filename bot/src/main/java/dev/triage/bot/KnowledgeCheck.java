package dev.triage.bot;

import dev.triage.knowledge.Article;
import dev.triage.knowledge.CheckReport.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check that ties the knowledge base to the rules, which only this module sees both of: an article may only
 * explain causes a loaded pack knows, and the bundled packs explain every cause their rules can emit.
 */
public final class KnowledgeCheck {
    private KnowledgeCheck() {
    }

    /** One problem per cause an article names that no loaded pack knows, naming the article's file. */
    public static List<Problem> unknownCauses(Collection<Article> articles, Set<String> ruleCauses) {
        List<Problem> problems = new ArrayList<>();
        for (Article article : articles) {
            for (String cause : article.causes()) {
                if (!ruleCauses.contains(cause)) {
                    problems.add(new Problem(article.file(), "causes", "'" + cause + "' is not a cause the rules know"
                            + " (a new cause belongs in a pack's causes.tsv; docs/packs.md)"));
                }
            }
        }
        return problems;
    }

    /** One problem per cause the rules can emit that no article explains. */
    public static List<Problem> uncoveredCauses(Collection<Article> articles, Set<String> ruleCauses) {
        Set<String> explained = new TreeSet<>();
        articles.forEach(a -> explained.addAll(a.causes()));
        return new TreeSet<>(ruleCauses).stream().filter(c -> !explained.contains(c))
                .map(c -> new Problem("(pack)", "cause", "'" + c + "' has no article")).toList();
    }
}

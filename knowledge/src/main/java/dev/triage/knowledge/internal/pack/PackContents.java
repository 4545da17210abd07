package dev.triage.knowledge.internal.pack;

import dev.triage.knowledge.Article;
import dev.triage.knowledge.CheckReport;
import dev.triage.knowledge.InvalidArticleException;
import java.util.List;

/**
 * Everything read from a folder of packs: the valid articles (sorted by id) and the check report with every problem.
 */
public record PackContents(List<Article> articles, CheckReport report) {
    public PackContents {
        articles = List.copyOf(articles);
    }

    /** The articles, or the first problem as an exception when the pack has any. */
    public List<Article> articlesOrThrow() {
        if (!report.ok()) {
            CheckReport.Problem first = report.problems().get(0);
            String more = report.problems().size() == 1 ? ""
                    : " (and " + (report.problems().size() - 1) + " more problems; run the check to list them)";
            throw new InvalidArticleException(first.file(), first.field(), first.message() + more);
        }
        return articles;
    }
}

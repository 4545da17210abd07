package dev.triage.knowledge.internal.markdown;

import dev.triage.knowledge.Article;
import dev.triage.knowledge.CheckReport.Problem;
import java.util.List;

/** What parsing one article file gave: the article, or every problem found in it. */
public sealed interface ParseOutcome {

    /** The file is a valid article. */
    record Parsed(Article article) implements ParseOutcome {
    }

    /** The file is not a valid article; {@code problems} is never empty. */
    record Rejected(List<Problem> problems) implements ParseOutcome {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one problem");
            }
        }
    }
}

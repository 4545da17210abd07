package dev.triage.knowledge.internal.markdown;

import dev.triage.knowledge.Article.Source;
import java.time.LocalDate;
import java.util.List;

/** The validated front matter of an article. */
record Header(
        String id, String title, List<String> causes, List<String> codes, List<String> tags, List<Source> sources,
        LocalDate updated) {
}

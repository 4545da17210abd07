package dev.triage.knowledge;

import java.util.List;

/**
 * One search result.
 *
 * @param articleId the article's id
 * @param title     the article's title
 * @param causes    the cause ids the article explains
 * @param score     relevance; only comparable within one search
 */
public record SearchHit(String articleId, String title, List<String> causes, double score) {
    public SearchHit {
        causes = List.copyOf(causes);
    }
}

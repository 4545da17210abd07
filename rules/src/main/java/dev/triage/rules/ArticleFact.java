package dev.triage.rules;

import java.util.Objects;

/**
 * A knowledge article that matched the case's text.
 *
 * @param causeId the cause the article explains
 * @param score   relevance normalised to 0..1 within the search (1 = best hit)
 * @param rank    0-based position among the causes the search named (a cause's later articles do not count)
 */
public record ArticleFact(String causeId, double score, int rank) {
    public ArticleFact {
        Objects.requireNonNull(causeId, "causeId");
    }
}

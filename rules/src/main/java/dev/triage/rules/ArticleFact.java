package dev.triage.rules;

import java.util.Objects;

/**
 * A knowledge article that matched the case's text.
 *
 * @param causeId the cause the article explains
 * @param score   relevance normalised to 0..1 within the search (1 = best hit)
 * @param rank    0-based position among the causes the search named (a cause's later articles do not count)
 * @param weak    the search as a whole matched weakly: even its best hit scored below the floor a specific match
 *                reaches, so its ranking was decided by generic words
 */
public record ArticleFact(String causeId, double score, int rank, boolean weak) {
    public ArticleFact {
        Objects.requireNonNull(causeId, "causeId");
    }

    /** An article of a search whose best hit matched specifically. */
    public ArticleFact(String causeId, double score, int rank) {
        this(causeId, score, rank, false);
    }
}

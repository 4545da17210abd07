package dev.triage.knowledge.internal.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The distinct analyzed terms of a user's text, capped so a 1 MB paste cannot exceed Lucene's clause limit. */
final class QueryTerms {
    private QueryTerms() {
    }

    static Set<String> of(Analyzer analyzer, String field, String text, int max) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (terms.size() < max && stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in-memory text failed", e);
        }
        return terms;
    }
}

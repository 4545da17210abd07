package dev.triage.knowledge.internal.index;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English text analysis that keeps error codes whole and canonical: the standard tokenizer already keeps
 * {@code 0x0002000D} and {@code SNAKE_CASE_NAMES} as single tokens; {@link CodeTokenFilter} unifies their spellings.
 */
public final class ErrorCodeAnalyzer extends Analyzer {
    private final Set<Long> knownValues;

    /** @param knownValues the values of the codes the decoder knows; decimals are only read as codes if listed */
    public ErrorCodeAnalyzer(Set<Long> knownValues) {
        this.knownValues = Set.copyOf(knownValues);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream tokens = new LowerCaseFilter(source);
        tokens = new CodeTokenFilter(tokens, knownValues);
        tokens = new StopFilter(tokens, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        tokens = new PorterStemFilter(tokens);
        return new TokenStreamComponents(source, tokens);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}

package dev.triage.knowledge.internal.index;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English text analysis that keeps error codes whole and canonical: the standard tokenizer already keeps
 * {@code 0x0002000D} and {@code SNAKE_CASE_NAMES} as single tokens; {@link CodeTokenFilter} unifies their spellings.
 * Chinese, Japanese and Korean runs become overlapping bigrams: the tokenizer alone cuts Han and Hiragana into single
 * characters, and a single character such as 连 or 接 occurs in nearly every Chinese RDP paste, so an article quoting one
 * localised dialog would match them all. Full-width forms are folded first, as the phrase matcher folds them.
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
        TokenStream tokens = new LowerCaseFilter(new CJKWidthFilter(source));
        tokens = new CJKBigramFilter(tokens);
        tokens = new CodeTokenFilter(tokens, knownValues);
        tokens = new StopFilter(tokens, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        tokens = new PorterStemFilter(tokens);
        return new TokenStreamComponents(source, tokens);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}

package dev.triage.knowledge.internal.index;

import dev.triage.knowledge.internal.codes.CodeSpelling;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Makes every spelling of an error code meet in one term. Expects lower-cased tokens.
 * <ul>
 *   <li>{@code 0x00000904} becomes {@code 0x904} (leading zeros dropped);</li>
 *   <li>{@code 2308}, the decimal of a known code, also yields {@code 0x904} at the same position;</li>
 *   <li>{@code 904} or {@code 2000d}, a known code without its {@code 0x}, also yields {@code 0x904};</li>
 *   <li>{@code errconnect_tls_connect_failed} stays whole, and its words are stacked at the same position so that
 *       "tls connect failed" still finds it.</li>
 * </ul>
 * Code terms are marked as keywords so the stemmer leaves them alone.
 */
final class CodeTokenFilter extends TokenFilter {
    /** Smaller decimals are too common in prose ("Windows 10", "step 3") to be read as codes. */
    private static final long MIN_DECIMAL_CODE = 0x100;
    private static final int MIN_BARE_HEX_LENGTH = 3;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Set<Long> knownValues;
    private final Deque<String> stacked = new ArrayDeque<>();
    private State current;

    CodeTokenFilter(TokenStream input, Set<Long> knownValues) {
        super(input);
        this.knownValues = knownValues;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!stacked.isEmpty()) {
            restoreState(current);
            String extra = stacked.poll();
            term.setEmpty().append(extra);
            keyword.setKeyword(extra.startsWith("0x"));
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        canonicalise(term.toString());
        if (!stacked.isEmpty()) {
            current = captureState();
        }
        return true;
    }

    private void canonicalise(String token) {
        Optional<Long> hex = CodeSpelling.hexValue(token);
        if (hex.isPresent()) {
            term.setEmpty().append(CodeSpelling.hex(hex.get()));
            keyword.setKeyword(true);
            return;
        }
        if (Character.isDigit(token.charAt(0))) {
            stackNumberReadings(token);
        } else if (token.indexOf('_') > 0) {
            keyword.setKeyword(true);
            for (String part : token.split("_")) {
                if (part.length() > 1) {
                    stacked.add(part);
                }
            }
        }
    }

    private void stackNumberReadings(String token) {
        CodeSpelling.parse(token, 10)
                .filter(value -> value >= MIN_DECIMAL_CODE && knownValues.contains(value))
                .ifPresent(value -> stacked.add(CodeSpelling.hex(value)));
        if (token.length() >= MIN_BARE_HEX_LENGTH) {
            CodeSpelling.parse(token, 16)
                    .filter(knownValues::contains)
                    .map(CodeSpelling::hex)
                    .filter(code -> !stacked.contains(code))
                    .ifPresent(stacked::add);
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        stacked.clear();
        current = null;
    }
}

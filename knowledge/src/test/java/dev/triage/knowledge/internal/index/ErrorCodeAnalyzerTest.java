package dev.triage.knowledge.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.internal.decode.CodeTables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lists the terms the analyzer produces; a "+" prefix marks a term stacked at the previous position. */
class ErrorCodeAnalyzerTest {
    private final Analyzer analyzer = new ErrorCodeAnalyzer(CodeTables.load().knownValues());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0x904                | 0x904
            0x00000904           | 0x904
            0X904                | 0x904
            904                  | 904 +0x904
            2308                 | 2308 +0x904
            0x2000D              | 0x2000d
            [0x0002000D]         | 0x2000d
            2000D                | 2000d +0x2000d
            131085               | 131085 +0x2000d
            """)
    void everySpellingOfACodeMeetsInOneCanonicalTerm(String text, String terms) throws IOException {
        assertThat(String.join(" ", terms(text))).isEqualTo(terms);
    }

    @Test
    void snakeCaseNamesStayWholeWithTheirWordsStacked() throws IOException {
        assertThat(terms("ERRCONNECT_CONNECT_TRANSPORT_FAILED"))
                .containsExactly("errconnect_connect_transport_failed", "+errconnect", "+connect", "+transport",
                        "+fail");
    }

    @Test
    void ordinaryTextIsStemmedWithoutStopWords() throws IOException {
        assertThat(terms("The certificate is expired")).containsExactly("certif", "expir");
    }

    @Test
    void chineseAndJapaneseRunsBecomeBigramsNotSingleCharacters() throws IOException {
        assertThat(terms("连接被拒绝")).containsExactly("连接", "接被", "被拒", "拒绝");
        assertThat(terms("認証エラーが発生しました")).contains("認証", "発生").doesNotContain("認", "証");
    }

    @Test
    void fullWidthFormsFoldToAscii() throws IOException {
        assertThat(terms("ＣｒｅｄＳＳＰ ０ｘ９０４")).containsExactly("credssp", "0x904");
    }

    @Test
    void smallNumbersAndUnknownNumbersAreNotTurnedIntoCodes() throws IOException {
        assertThat(terms("Windows 10 port 3389 in 2023")).containsExactly("window", "10", "port", "3389", "2023");
    }

    private List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add((position.getPositionIncrement() == 0 ? "+" : "") + term);
            }
            stream.end();
        }
        return terms;
    }
}

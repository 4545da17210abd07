package dev.triage.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search regressions over the fixture pack in {@code src/test/resources/articles}, in the Lucene demo's style. */
class KnowledgeBaseSearchTest {
    private static final KnowledgeBase BASE = KnowledgeBase.load(Path.of("src/test/resources/articles"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0x904                                                    | socket-closed
            0x00000904                                               | socket-closed
            error 904                                                | socket-closed
            mRemoteNG says 2308                                      | socket-closed
            Error code: 0x904 Extended error code: 0x7               | socket-closed
            ERRCONNECT_CONNECT_TRANSPORT_FAILED                      | transport-failed
            0x2000D                                                  | transport-failed
            freerdp_connect failed [0x0002000D]                      | transport-failed
            protocol error (code: 0x112f)                            | graphics-failed
            SSL_ERR_CERT_EXPIRED                                     | cert-expired
            my certificate has expired                               | cert-expired
            the name on the certificate is incorrect                 | cert-name
            """)
    void everySpellingFindsItsArticleFirst(String text, String expectedTopHit) {
        List<SearchHit> hits = BASE.search(text, BASE.decode(text), 3);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).articleId()).isEqualTo(expectedTopHit);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0x904                       | 1
            2308                        | 1
            0x112F                      | 1
            certificate                 | 2
            certificate expired         | 2
            kerberos                    | 0
            """)
    void hitCounts(String text, int count) {
        assertThat(BASE.search(text, List.of(), 10)).hasSize(count);
    }

    @Test
    void decodedCodesBoostArticlesListingThem() {
        List<DecodedCode> codes = BASE.decode("Error code: 0x904");

        List<SearchHit> hits = BASE.search("the remote computer", codes, 5);

        assertThat(hits).first().extracting(SearchHit::articleId).isEqualTo("socket-closed");
    }

    @Test
    void searchWithoutCodesDecodesTheTextItself() {
        assertThat(BASE.search("Error code: 2308", 1)).extracting(SearchHit::articleId).containsExactly("socket-closed");
    }

    @Test
    void hitsCarryTitleAndCauses() {
        SearchHit hit = BASE.search("0x112f", List.of(), 1).get(0);

        assertThat(hit.title()).isEqualTo("The session drops with a protocol error from the graphics subsystem");
        assertThat(hit.causes()).containsExactly("session.display-driver");
        assertThat(hit.score()).isPositive();
    }

    @Test
    void limitBoundsTheHitsAndZeroMeansNone() {
        assertThat(BASE.search("certificate", List.of(), 1)).hasSize(1);
        assertThat(BASE.search("certificate", List.of(), 0)).isEmpty();
    }

    @Test
    void emptyOrHugeQueriesDoNotFail() {
        String huge = "certificate error 0x904 ".repeat(50_000) + "word".repeat(10) + " x".repeat(5_000);

        assertThat(BASE.search("", List.of(), 5)).isEmpty();
        assertThat(BASE.search(null, null, 5)).isEmpty();
        assertThat(BASE.search(huge, BASE.decode(huge), 5)).isNotEmpty();
    }

    @Test
    void articlesAreSortedAndFoundByIdAndCause() {
        assertThat(BASE.articles()).extracting(Article::id)
                .containsExactly("cert-expired", "cert-name", "graphics-failed", "socket-closed", "transport-failed");
        assertThat(BASE.article("cert-name")).map(Article::file).contains("fixture/cert-name.md");
        assertThat(BASE.article("nope")).isEmpty();
        assertThat(BASE.articlesForCause("cert.expired")).extracting(Article::id).containsExactly("cert-expired");
        assertThat(BASE.articlesForCause("net.unknown")).isEmpty();
    }

    @Test
    void aSinglePackFolderLoadsToo() {
        KnowledgeBase pack = KnowledgeBase.load(Path.of("src/test/resources/articles/fixture"));

        assertThat(pack.articles()).hasSize(5);
    }

    @Test
    void concurrentSearchesAgreeWithASingleThread() throws Exception {
        List<String> queries = List.of("0x904", "certificate expired", "[0x0002000D]", "protocol error 0x112f");
        List<List<SearchHit>> expected = queries.stream().map(q -> BASE.search(q, BASE.decode(q), 3)).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i % queries.size();
                runs.add(pool.submit(() -> BASE.search(queries.get(n), BASE.decode(queries.get(n)), 3)
                        .equals(expected.get(n))));
            }
            for (java.util.concurrent.Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

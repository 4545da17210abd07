package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post that says too little for any article to match specifically (its best hit stays below the raw-score floor)
 * gives no article the best article's 6 points, whichever article its generic words happen to reach first; a post
 * that names its problem still does. One batch run diagnoses all pastes, so the application is built once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeakSearchPasteTest {
    private static final String BEST_ARTICLE = "articles: the best article matches strongly";
    private final Map<String, JsonNode> results = new HashMap<>();

    @BeforeAll
    void diagnoseThePastes(@TempDir Path dir) throws IOException {
        results.putAll(new BatchOfPastes().diagnose(dir, Map.of(
                "script", "RDP to my Windows 10 box not working since the script ran",
                "yesterday", "remote desktop stopped working yesterday",
                "ideas", "can't rdp anymore, any ideas?",
                "wrapper", "RDPConf shows Listener state: Not listening [not supported] since the cumulative update,"
                        + " termsrv.dll 10.0.19041.3636")));
    }

    @Test
    void postsOfGenericWordsGiveNoArticleTheBestArticlesPoints() {
        for (String id : new String[] {"script", "yesterday", "ideas"}) {
            assertThat(results.get(id).path("causes").findValuesAsText("rule")).as(id).doesNotContain(BEST_ARTICLE);
        }
    }

    @Test
    void aPostThatNamesItsProblemKeepsThem() {
        JsonNode first = results.get("wrapper").path("causes").get(0);

        assertThat(first.path("id").asText()).isEqualTo("server.rdp-implementation-bug");
        assertThat(first.path("evidence").findValuesAsText("rule")).contains(BEST_ARTICLE);
    }
}

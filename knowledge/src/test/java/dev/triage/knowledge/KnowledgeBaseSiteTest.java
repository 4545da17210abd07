package dev.triage.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's own articles beside the bundled packs ({@code knowledge.dir}). */
class KnowledgeBaseSiteTest {
    @TempDir
    Path site;

    @Test
    void aSiteArticleComesFirstForTheBundledCauseItExtends() throws IOException {
        Files.writeString(site.resolve("our-vpn.md"), article("our-vpn", "net.vpn-unstable"));
        KnowledgeBase kb = KnowledgeBase.bundledWithSite(site);

        assertThat(kb.articlesForCause("net.vpn-unstable")).extracting(Article::id)
                .containsExactly("our-vpn", "net-vpn-unstable");
        assertThat(kb.articlesForCause("net.vpn-unstable")).extracting(kb::fromSite).containsExactly(true, false);
        assertThat(kb.article("our-vpn").orElseThrow().file()).isEqualTo(site.resolve("our-vpn.md").toString());
        assertThat(kb.search("GlobalProtect portal", 3)).extracting(SearchHit::articleId).first().isEqualTo("our-vpn");
        assertThat(kb.articles()).hasSize(KnowledgeBase.checkBundled().articles() + 1);
    }

    @Test
    void aPackFolderKeepsItsArticlesInArticles() throws IOException {
        Files.createDirectories(site.resolve("articles"));
        Files.writeString(site.resolve("articles/our-vpn.md"), article("our-vpn", "net.vpn-unstable"));
        assertThat(KnowledgeBase.bundledWithSite(site).article("our-vpn")).isPresent();
    }

    @Test
    void aSiteArticleCannotTakeABundledId() throws IOException {
        Files.writeString(site.resolve("cert-expired.md"), article("cert-expired", "cert.expired"));
        assertThatThrownBy(() -> KnowledgeBase.bundledWithSite(site)).isInstanceOf(InvalidArticleException.class)
                .hasMessage(site.resolve("cert-expired.md") + ": id: 'cert-expired' is already the id of a bundled"
                        + " article; give the site's article its own id");
    }

    @Test
    void aBrokenSiteArticleIsNamedByItsPath() throws IOException {
        Files.writeString(site.resolve("our-vpn.md"), article("our-vpn", "net.vpn-unstable").replace("sources:",
                "sauces:"));
        assertThatThrownBy(() -> KnowledgeBase.bundledWithSite(site)).isInstanceOf(InvalidArticleException.class)
                .hasMessageStartingWith(site.resolve("our-vpn.md") + ": ");
    }

    private static String article(String id, String cause) {
        return """
                ---
                id: %s
                title: "Our VPN is GlobalProtect"
                causes: [%s]
                codes: []
                tags: [vpn]
                sources:
                  - title: "Helpdesk runbook: VPN"
                    url: "https://intranet.example.com/runbooks/vpn"
                updated: 2026-12-06
                ---

                ## How users describe it
                - "GlobalProtect says connected but Remote Desktop drops"

                ## How to confirm
                1. Open GlobalProtect and check the portal.

                ## Fixes
                1. First check that GlobalProtect is on the vpn.example.com portal, not the guest one.
                """.formatted(id, cause);
    }
}

package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pasted text cannot ping a channel, spoof a link or format the bot's message. */
class SlackTextTest {

    @Test
    void mentionsAndLinksAreEscaped() {
        assertThat(SlackText.escape("<!channel> <http://evil.example|your bank> a & b"))
                .isEqualTo("&lt;!channel&gt; &lt;http://evil.example|your bank&gt; a &amp; b");
    }

    @Test
    void plainTextLosesItsFormattingCharacters() {
        assertThat(SlackText.plain("*bold* _it_ ~gone~ `code` <@U1>"))
                .isEqualTo("∗bold∗ ˍitˍ ∼gone∼ ˋcodeˋ &lt;@U1&gt;");
    }

    @Test
    void codeKeepsUnderscoresButCannotBeClosedEarly() {
        assertThat(SlackText.code("SSL_ERR_HYBRID_REQUIRED")).isEqualTo("`SSL_ERR_HYBRID_REQUIRED`");
        assertThat(SlackText.code("a` <!here> `b")).isEqualTo("`aˋ &lt;!here&gt; ˋb`");
        assertThat(SlackText.code("  ")).isEmpty();
    }

    @Test
    void controlAndBidiCharactersAreMadeVisible() {
        assertThat(SlackText.plain("evil\u202Eexe.txt\u0007")).isEqualTo("evil⟨U+202E⟩exe.txt␇");
    }

    @Test
    void markdownFromArticlesBecomesMrkdwn() {
        assertThat(SlackText.fromMarkdown("**Restart** the [service](https://learn.example/x?a=1&b=2) <now>"))
                .isEqualTo("*Restart* the <https://learn.example/x?a=1&amp;b=2|service> &lt;now&gt;");
        assertThat(SlackText.fromMarkdown("```powershell\nGet-Service\n```")).isEqualTo("```\nGet-Service\n```");
    }

    @Test
    void limitCutsBeforeAnEntityAndClosesAnOpenFence() {
        String escaped = "x".repeat(95) + "&amp;" + "y".repeat(100);
        String cut = SlackText.limit(escaped, 100, "");
        assertThat(cut).hasSizeLessThanOrEqualTo(100).doesNotContain("&am…").endsWith("…");

        String fenced = "```\n" + "z".repeat(200) + "\n```";
        String cutFence = SlackText.limit(fenced, 100, " more");
        assertThat(cutFence).hasSizeLessThanOrEqualTo(100).endsWith("\n``` more");
        assertThat(SlackText.limit("short", 100, " more")).isEqualTo("short");
    }
}

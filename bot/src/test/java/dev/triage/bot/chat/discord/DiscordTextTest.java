package dev.triage.bot.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pasted text shows literally in Discord: no formatting, no masked links, no mentions, no emoji, no headings. */
class DiscordTextTest {
    @Test
    void markdownMentionsLinksAndEmojiAreEscaped() {
        assertThat(DiscordText.plain("**bold** __u__ ~~s~~ ||spoiler|| `code`"))
                .isEqualTo("\\*\\*bold\\*\\* \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`");
        assertThat(DiscordText.plain("@everyone <@123> <#456> <@&789>"))
                .isEqualTo("\\@everyone \\<\\@123\\> \\<\\#456\\> \\<\\@&789\\>");
        assertThat(DiscordText.plain("[bank](https://evil.example)"))
                .isEqualTo("\\[bank\\]\\(https\\://evil\\.example\\)");
        assertThat(DiscordText.plain(":skull: # heading > quote - item")).isEqualTo(
                "\\:skull\\: \\# heading \\> quote \\- item");
    }

    @Test
    void aBackslashIsEscapedTooSoItCannotUndoTheNextEscape() {
        assertThat(DiscordText.plain("\\*x")).isEqualTo("\\\\\\*x");
    }

    @Test
    void bidiAndControlCharactersAreMadeVisibleAndPlainTextIsOneLine() {
        assertThat(DiscordText.plain("a\u202Eb\u0007c\nd")).isEqualTo("a⟨U\\+202E⟩b␇c d");
    }

    @Test
    void aCodeSpanKeepsTheTextButCannotBeClosedFromInside() {
        assertThat(DiscordText.code("SSL_ERR_HYBRID_REQUIRED")).isEqualTo("`SSL_ERR_HYBRID_REQUIRED`");
        assertThat(DiscordText.code("a`b")).isEqualTo("`aˋb`");
    }

    @Test
    void limitingNeverLeavesALoneBackslashASplitSurrogateOrAnOpenCodeSpan() {
        String escaped = DiscordText.plain("*".repeat(50));
        String cut = DiscordText.limit(escaped, 12, "");
        assertThat(cut.length()).isLessThanOrEqualTo(12);
        assertThat(cut.replace("…", "")).matches("(\\\\\\*)*");

        String code = "x `" + "y".repeat(40) + "`";
        assertThat(DiscordText.limit(code, 20, " more")).isEqualTo("x `" + "y".repeat(10) + "`… more");

        String emoji = "ab" + "😀".repeat(10);
        assertThat(DiscordText.limit(emoji, 8, "")).doesNotContain("\uD83D…");
        assertThat(DiscordText.limit("short", 10, "…")).isEqualTo("short");
    }
}

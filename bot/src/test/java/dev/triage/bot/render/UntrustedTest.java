package dev.triage.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTest {
    private static final String ALL_BIDI = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    @Test
    void bidiControlsBecomeVisibleMarkersEverywhere() {
        String trojan = "invoice\u202Etxt.exe";
        assertThat(Untrusted.visible(trojan)).isEqualTo("invoice⟨U+202E⟩txt.exe");
        assertThat(Untrusted.oneLine(trojan)).isEqualTo("invoice⟨U+202E⟩txt.exe");
        assertThat(Untrusted.html(trojan)).isEqualTo("invoice⟨U+202E⟩txt.exe");
        assertThat(Untrusted.markdownFence(trojan)).contains("invoice⟨U+202E⟩txt.exe");
        assertThat(Untrusted.markdownCode(trojan)).isEqualTo("`invoice⟨U+202E⟩txt.exe`");
        String shown = Untrusted.visible(ALL_BIDI);
        ALL_BIDI.chars().forEach(c -> assertThat(shown).doesNotContain(String.valueOf((char) c)));
        assertThat(shown).contains("⟨U+061C⟩", "⟨U+200E⟩", "⟨U+200F⟩", "⟨U+202A⟩", "⟨U+2066⟩", "⟨U+2069⟩");
    }

    @Test
    void controlCharactersBecomeControlPicturesButLinesAndTabsStay() {
        assertThat(Untrusted.visible("a\u0000b\u001B[2Jc\u007Fd\u0085e\tf\r\ng\rh"))
                .isEqualTo("a␀b␛[2Jc␡d⟨U+0085⟩e\tf\ng\nh");
        assertThat(Untrusted.oneLine("a\nb\tc\u0007")).isEqualTo("a b c␇");
        assertThat(Untrusted.html("<b a='1'>&\u0000</b>")).isEqualTo("&lt;b a=&#39;1&#39;&gt;&amp;␀&lt;/b&gt;");
    }

    @Test
    void aFenceIsLongerThanAnyBacktickRunInTheText() {
        assertThat(Untrusted.markdownFence("plain")).isEqualTo("```text\nplain\n```");
        assertThat(Untrusted.markdownFence("a\n```\nb")).isEqualTo("````text\na\n```\nb\n````");
        assertThat(Untrusted.markdownFence("````\n# heading")).startsWith("`````text\n").endsWith("\n`````");
    }

    @Test
    void aCodeSpanIsDelimitedByMoreBackticksThanItHolds() {
        assertThat(Untrusted.markdownCode("rdp01:3389")).isEqualTo("`rdp01:3389`");
        assertThat(Untrusted.markdownCode("a``b")).isEqualTo("```a``b```");
        assertThat(Untrusted.markdownCode("`x")).isEqualTo("`` `x ``");
        assertThat(Untrusted.markdownCode("a\nb")).isEqualTo("`a b`");
    }

    @Test
    void aLongLineIsCutWithoutSplittingASurrogatePair() {
        String text = "a".repeat(499) + "😀" + "tail";
        assertThat(Untrusted.oneLine(text)).isEqualTo("a".repeat(499));
    }
}

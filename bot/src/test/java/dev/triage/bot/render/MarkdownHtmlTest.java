package dev.triage.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownHtmlTest {
    private final MarkdownHtml markdown = new MarkdownHtml();

    @Test
    void rendersTheMarkdownOfAFixStep() {
        assertThat(markdown.render("**Connect by IP address** and run `mstsc /v:10.0.0.4`"))
                .isEqualTo("<p><strong>Connect by IP address</strong> and run <code>mstsc /v:10.0.0.4</code></p>\n");
    }

    @Test
    void rawHtmlIsShownAsTextNeverPassedThrough() {
        String html = markdown.render("<script>alert(1)</script>\n\nthen <img src=x onerror=alert(1)> inline");
        assertThat(html).doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void linksKeepOnlyWebAndMailSchemes() {
        assertThat(markdown.render("[docs](https://learn.microsoft.com/x?a=1&b=2)")).isEqualTo(
                "<p><a href=\"https://learn.microsoft.com/x?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">docs</a>"
                        + "</p>\n");
        assertThat(markdown.render("[mail](mailto:help@example.com)")).contains("href=\"mailto:help@example.com\"");
        for (String bad : new String[] {"[x](javascript:alert(1))", "[x](JavaScript:alert(1))",
                "[x](javascript&#58;alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)",
                "<javascript:alert(1)>", "[x][r]\n\n[r]: javascript:alert(1)", "[x](/relative)"}) {
            String html = markdown.render(bad);
            assertThat(html).as(bad).doesNotContain("<a").doesNotContainIgnoringCase("href");
        }
        assertThat(markdown.render("[x](javascript:alert(1))")).isEqualTo("<p>x</p>\n");
    }

    @Test
    void imagesNeverLoad() {
        assertThat(markdown.render("![x](http://evil/)"))
                .isEqualTo("<p><a href=\"http://evil/\" rel=\"nofollow noopener noreferrer\">x</a></p>\n");
        assertThat(markdown.render("![](https://evil/p.png)")).contains(">https://evil/p.png</a>");
        assertThat(markdown.render("![x](javascript:alert(1))")).isEqualTo("<p>x</p>\n");
        assertThat(markdown.render("![a <b>](data:image/png;base64,AAAA)")).doesNotContain("<img").doesNotContain("<b>");
    }

    @Test
    void attributeValuesCannotBreakOut() {
        String html = markdown.render("[x](https://a/\"onmouseover=alert(1) \"t\\\"itle\")");
        assertThat(html).doesNotContain("\"onmouseover").doesNotContain("\" onmouseover");
    }

    @Test
    void bidiAndControlCharactersAreMadeVisible() {
        assertThat(markdown.render("run \u202Eexe.bat\u0000"))
                .isEqualTo("<p>run ⟨U+202E⟩exe.bat␀</p>\n");
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {
    private final PhraseMatcher matcher = new PhraseMatcher(List.of("nla", "host key", "expir*", "证书", "key"));

    private List<Integer> patterns(String text) {
        return matcher.find(text, Integer.MAX_VALUE).stream().map(PhraseMatcher.Hit::pattern).toList();
    }

    @Test
    void findsOverlappingPhrasesCaseInsensitively() {
        assertThat(patterns("The HOST KEY changed")).containsExactly(1, 4);
    }

    @Test
    void respectsWordBoundariesButNotForPrefixes() {
        assertThat(patterns("vanilla")).isEmpty();
        assertThat(patterns("NLA is on; password expires soon")).containsExactly(0, 2);
    }

    /** Tools pad their columns with runs of spaces; a phrase written with one space still matches, at the right place. */
    @Test
    void aRunOfWhitespaceReadsAsOneSpace() {
        PhraseMatcher tools = new PhraseMatcher(List.of("state : 4 running", "running termservice"));
        String sc = "SERVICE_NAME: TermService\n        STATE              : 4  RUNNING\n";
        List<PhraseMatcher.Hit> hits = tools.find(sc, Integer.MAX_VALUE);
        assertThat(hits).extracting(PhraseMatcher.Hit::pattern).containsExactly(0);
        assertThat(sc.substring(hits.get(0).start(), hits.get(0).end())).isEqualTo("STATE              : 4  RUNNING");
        assertThat(tools.find("Running  TermService        Remote Desktop Services", Integer.MAX_VALUE))
                .extracting(PhraseMatcher.Hit::pattern).containsExactly(1);
        assertThat(patterns("the host\n   key changed")).containsExactly(1, 4);
    }

    @Test
    void matchesNonLatinScriptsWithoutBoundaries() {
        assertThat(patterns("远程桌面证书错误")).containsExactly(3);
    }

    @Test
    void fullWidthFormsAndTheIdeographicSpaceMatchTheirAsciiSpelling() {
        PhraseMatcher cjk = new PhraseMatcher(List.of("登入 (網路或互動式) 類型", "credssp"));
        String pasted = "系統管理員已限制您可能使用的登入\u3000（網路或互動式）\u3000類型。ＣｒｅｄＳＳＰ";
        assertThat(cjk.find(pasted, Integer.MAX_VALUE)).extracting(PhraseMatcher.Hit::pattern).containsExactly(0, 1);
    }

    /** Microsoft's zh-CN catalogue strings write 帐户, users retelling them often 账户; one phrase matches both. */
    @Test
    void bothSimplifiedChineseSpellingsOfAccountMatchEitherPhrase() {
        PhraseMatcher zh = new PhraseMatcher(List.of("没有授权此用户帐户进行远程登录", "微软账号"));
        assertThat(zh.find("连接被拒绝，因为没有授权此用户账户进行远程登录。", Integer.MAX_VALUE))
                .extracting(PhraseMatcher.Hit::pattern).containsExactly(0);
        assertThat(zh.find("我用的是微软帐号登录的", Integer.MAX_VALUE)).extracting(PhraseMatcher.Hit::pattern)
                .containsExactly(1);
        assertThat(zh.find("遠端桌面使用者帳戶", Integer.MAX_VALUE)).isEmpty();
    }

    /** 登陆 ("landing") is the commonest miswriting of 登录 ("log in"); a catalogue phrase matches the retelling. */
    @Test
    void logInTypedAsItsHomophoneMatchesTheCatalogueSpelling() {
        PhraseMatcher zh = new PhraseMatcher(List.of("进行远程登录"));
        assertThat(zh.find("提示没有授权此用户账户进行远程登陆", Integer.MAX_VALUE)).extracting(PhraseMatcher.Hit::pattern)
                .containsExactly(0);
        assertThat(zh.find("中国大陆的服务器", Integer.MAX_VALUE)).isEmpty();
    }

    /** Vendor pages print the typographic apostrophe, users type the ASCII one, and the reverse: one phrase each. */
    @Test
    void theTypographicApostropheMatchesTheAsciiOne() {
        PhraseMatcher en = new PhraseMatcher(List.of("can't connect right now", "l’adresse du serveur"));
        assertThat(en.find("Lightsail says: Can’t connect right now.", Integer.MAX_VALUE))
                .extracting(PhraseMatcher.Hit::pattern).containsExactly(0);
        assertThat(en.find("Remmina : impossible de trouver l'adresse du serveur RDP", Integer.MAX_VALUE))
                .extracting(PhraseMatcher.Hit::pattern).containsExactly(1);
        assertThat(en.find("cant connect right now", Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void fullWidthLettersCountAsWordCharactersForBoundaries() {
        assertThat(patterns("ｖａｎｉｌｌａ")).isEmpty();
        assertThat(patterns("ＮＬＡ")).containsExactly(0);
    }

    @Test
    void anyWhitespaceMatchesASpace() {
        assertThat(patterns("host\nkey")).containsExactly(1, 4);
    }

    @Test
    void stopsAtTheLimit() {
        assertThat(patterns("nla")).containsExactly(0);
        assertThat(matcher.find("nla nla", 3)).hasSize(1);
    }
}

package dev.triage.rules.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Finds many literal phrases in one pass (Aho-Corasick), so extraction is linear in the text whatever the number of
 * phrases: no regular expressions, no backtracking. Matching is case-insensitive (per char, so indexes map back to the
 * original text) and respects ASCII word boundaries; a phrase ending in {@code *} matches as a prefix. Chinese and
 * Japanese input methods type full-width forms ({@code （}, {@code ：}, {@code ＣｒｅｄＳＳＰ}); they fold to ASCII, so one
 * phrase matches both spellings; so do the two spellings of "account" in Simplified Chinese (帐户, 账户) and "log in"
 * typed as its homophone (登陆 for 登录), and the typographic apostrophe (’) and the ASCII one. CJK text has no word boundaries, so CJK phrases match anywhere.
 */
final class PhraseMatcher {
    /** A phrase hit: which pattern and where it ends (exclusive). */
    record Hit(int pattern, int start, int end) {}

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        Node fail;
        final List<Integer> outputs = new ArrayList<>(1);
    }

    private static final char FULLWIDTH_FIRST = '\uff01';
    private static final char FULLWIDTH_LAST = '\uff5e';
    private static final int FULLWIDTH_OFFSET = 0xfee0;
    /**
     * Simplified Chinese writes "account" (账户, 账号) with 账 or with its older variant 帐, and users write both: the
     * catalogue strings this pack quotes from Microsoft's zh-CN pages use 帐 ("没有授权此用户帐户进行远程登录", "你的帐户已
     * 配置为阻止你使用此设备"), users retelling them often 账, and one README holds both ("解除微软帐户与本地帐户绑定"
     * beside "把微软账户转成本地账户", github.com/Hakuin123/Unbind-MS-Acct-From-LocalAcct). Folding the variant lets one
     * phrase match both spellings, as the full-width fold does for ASCII (帐's other words, a tent or a bed curtain, are
     * not RDP's). Traditional Chinese (帳戶) differs in both characters and is not folded.
     */
    private static final char ACCOUNT_VARIANT = '\u5e10';
    private static final char ACCOUNT = '\u8d26';
    /**
     * "Log in" (登录, dēnglù) is typed as its homophone 登陆 ("landing") so often that sites print it in their own
     * interfaces (tosine.com/news/show-3017.html lists 登录/登陆 among the commonest pinyin-input confusions; this pack
     * already carried "通过vnc登陆" beside its 登录 phrases). 陆 folds to 录: in these texts 陆 stands next to 录's
     * phrases only as that miswriting (大陆 or 陆续 make no phrase), so the catalogue's 登录 strings match the retelling.
     */
    private static final char LOG_IN_HOMOPHONE = '\u9646';
    private static final char LOG_IN = '\u5f55';
    /**
     * Vendor pages and word processors print the apostrophe as U+2019 ("Can’t connect", AWS's Lightsail page; "privilèges
     * de l’utilisateur") and users paste either form, so both quotation marks fold to the ASCII apostrophe and one phrase
     * matches both.
     */
    private static final char RIGHT_QUOTE = '\u2019';
    private static final char LEFT_QUOTE = '\u2018';

    private final Node root = new Node();
    private final List<String> phrases = new ArrayList<>();
    private final List<Boolean> prefixes = new ArrayList<>();
    private int longest;

    PhraseMatcher(List<String> patterns) {
        for (String p : patterns) {
            add(p);
        }
        link();
    }

    private void add(String pattern) {
        boolean prefix = pattern.endsWith("*");
        String phrase = normalize(prefix ? pattern.substring(0, pattern.length() - 1) : pattern);
        if (phrase.isEmpty()) {
            throw new IllegalArgumentException("empty phrase");
        }
        Node n = root;
        for (char c : phrase.toCharArray()) {
            n = n.next.computeIfAbsent(c, k -> new Node());
        }
        n.outputs.add(phrases.size());
        phrases.add(phrase);
        longest = Math.max(longest, phrase.length());
        prefixes.add(prefix);
    }

    /** Breadth-first failure links, merging each node's outputs with those of its failure node. */
    private void link() {
        Queue<Node> queue = new ArrayDeque<>();
        for (Node child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node n = queue.remove();
            for (Map.Entry<Character, Node> e : n.next.entrySet()) {
                Node child = e.getValue();
                Node f = n.fail;
                while (f != null && !f.next.containsKey(e.getKey())) {
                    f = f.fail;
                }
                child.fail = f == null ? root : f.next.get(e.getKey());
                child.outputs.addAll(child.fail.outputs);
                queue.add(child);
            }
        }
    }

    /**
     * Every boundary-respecting hit in the first {@code limit} chars of the text, in text order. A run of whitespace
     * reads as one space: tools pad their columns ({@code sc query}'s "STATE              : 4  RUNNING", Get-Service's
     * "Running  TermService", netstat's rows) and wrapped lines indent, so a phrase written with single spaces matches
     * the padded output. The automaton sees the collapsed text; {@code fed} remembers where in the original text each
     * of its last chars stood, so a hit's start is still an index into the text.
     */
    List<Hit> find(CharSequence text, int limit) {
        List<Hit> hits = new ArrayList<>();
        Node n = root;
        int end = Math.min(limit, text.length());
        int[] fed = new int[longest + 1];
        long count = 0;
        boolean lastSpace = false;
        for (int i = 0; i < end; i++) {
            char c = fold(text.charAt(i));
            if (c == ' ' && lastSpace) {
                continue;
            }
            lastSpace = c == ' ';
            fed[(int) (count++ % fed.length)] = i;
            Node to;
            while ((to = n.next.get(c)) == null && n != root) {
                n = n.fail;
            }
            n = to == null ? root : to;
            for (int p : n.outputs) {
                int start = fed[(int) ((count - phrases.get(p).length()) % fed.length)];
                if (bounded(text, start, i + 1, p)) {
                    hits.add(new Hit(p, start, i + 1));
                }
            }
        }
        return hits;
    }

    private boolean bounded(CharSequence text, int start, int end, int p) {
        String phrase = phrases.get(p);
        boolean startOk = !word(phrase.charAt(0)) || start == 0 || !word(fold(text.charAt(start - 1)));
        boolean endOk = prefixes.get(p) || !word(phrase.charAt(phrase.length() - 1))
                || end >= text.length() || !word(fold(text.charAt(end)));
        return startOk && endOk;
    }

    private static boolean word(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /** Folded as the text is, runs of whitespace as one space. */
    private static String normalize(String phrase) {
        StringBuilder b = new StringBuilder(phrase.length());
        for (char c : phrase.toCharArray()) {
            char f = fold(c);
            if (f != ' ' || b.isEmpty() || b.charAt(b.length() - 1) != ' ') {
                b.append(f);
            }
        }
        return b.toString();
    }

    /**
     * Lower case, every kind of whitespace as a plain space, full-width ASCII forms (U+FF01..U+FF5E) as ASCII, and
     * {@link #ACCOUNT_VARIANT} as {@link #ACCOUNT}, {@link #LOG_IN_HOMOPHONE} as {@link #LOG_IN} and typographic
     * single quotes as the ASCII apostrophe.
     */
    private static char fold(char c) {
        if (Character.isWhitespace(c) || c == '\u00a0') {
            return ' ';
        }
        if (c == ACCOUNT_VARIANT) {
            return ACCOUNT;
        }
        if (c == LOG_IN_HOMOPHONE) {
            return LOG_IN;
        }
        if (c == RIGHT_QUOTE || c == LEFT_QUOTE) {
            return '\'';
        }
        char ascii = c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST ? (char) (c - FULLWIDTH_OFFSET) : c;
        return Character.toLowerCase(ascii);
    }
}

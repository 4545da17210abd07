package dev.triage.bot.conversation;

import dev.triage.knowledge.Article;
import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.KnowledgeBase;
import dev.triage.knowledge.SearchHit;
import dev.triage.rules.ArticleFact;
import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.Diagnosis;
import dev.triage.rules.ProbeFinding;
import dev.triage.rules.RankedCause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One turn, without side effects: decode, search, diagnose, assemble the reply. The reply is a pure function of the
 * case state, which is what makes a restart or a replay give the same answer.
 */
public final class TurnEngine {
    static final int MAX_CAUSES_WITH_FIXES = 3;
    /** How a step from the site's own knowledge folder is marked wherever fixes are shown. */
    public static final String SITE_STEP = "**This site:** ";
    private static final int SEARCH_LIMIT = 10;
    /**
     * The raw (BM25) score below which even the best hit matched only a word or two: alone, a word one article is
     * about scores 4-7 ("termsrv.dll" 6.8, "Bastion" 4.5), generic ones less ("Windows 10" 4.7, "script" 2.6), and a
     * post that names its problem sums well above 10. On the design half of the development cases a best article
     * below 10 named the labelled cause in 2 of 27 posts (7 %), against 24 % at 10-15 and 38-64 % above
     * (docs/accuracy.md, "A weak search earns no best article"). The scale is the pack's index; a site's own articles
     * change it little (a few more documents in the statistics).
     */
    static final double WEAK_SEARCH = 10;
    // Lucene matches on vocabulary; past this many characters a paste adds noise, not signal.
    private static final int MAX_SEARCH_CHARS = 20_000;
    private static final int LATER_SEARCH_CHARS = 2_000;
    private static final int CACHED_TEXT_CHARS = 16_384;
    private static final int CACHED_TEXTS = 1_024;

    private final Map<String, List<DecodedCode>> decodedTexts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<DecodedCode>> eldest) {
            return size() > CACHED_TEXTS;
        }
    };

    private final KnowledgeBase knowledge;
    private final Diagnoser diagnoser;

    public TurnEngine(KnowledgeBase knowledge, Diagnoser diagnoser) {
        this.knowledge = knowledge;
        this.diagnoser = diagnoser;
    }

    public Reply reply(CaseState state) {
        return reply(state, true);
    }

    /** With {@code questions} false the reply has no follow-up questions, and they are not planned. */
    public Reply reply(CaseState state, boolean questions) {
        List<DecodedCode> codes = decode(state.texts());
        List<SearchHit> hits = search(state, codes);
        Diagnosis diagnosis = diagnoser.diagnose(facts(state, codes, articleFacts(hits)), questions);
        List<Reply.Cause> causes = causes(diagnosis.causes());
        return new Reply(Optional.empty(), codes, causes, fixes(causes), diagnosis.questions(), state.probes(), hits,
                notices(codes, diagnosis), state.host(), false, Optional.empty());
    }

    /** The articles the knowledge search finds for the case, best first, as a reply would show them. */
    public List<SearchHit> search(CaseState state) {
        return search(state, decode(state.texts()));
    }

    /**
     * What the diagnoser would be given for the case, but with {@code articles} in place of the search's own: lets an
     * evaluation weigh the rules without the articles and fit the articles' weight (eval --fit-articles).
     */
    public CaseFacts facts(CaseState state, List<ArticleFact> articles) {
        return facts(state, decode(state.texts()), articles);
    }

    /** The questions the case's pasted text already answers, which the planner never asks. */
    public Set<String> answeredByText(CaseState state) {
        return diagnoser.answeredByText(facts(state, List.of()));
    }

    private List<SearchHit> search(CaseState state, List<DecodedCode> codes) {
        return knowledge.search(searchText(state.texts()), codes, SEARCH_LIMIT);
    }

    private CaseFacts facts(CaseState state, List<DecodedCode> codes, List<ArticleFact> articles) {
        return new CaseFacts(state.texts(), codeFacts(codes), state.answers(), articles, findings(state.probes()),
                state.host(), HostExtractor.dialled(state.texts()));
    }

    /** Runs one representative turn so the first user does not pay for class loading and JIT warm-up. */
    public void warmUp() {
        reply(new CaseState(List.of("Error code: 0x904\nExtended error code: 0x7"), Map.of(), Optional.empty(),
                List.of()));
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public Diagnoser diagnoser() {
        return diagnoser;
    }

    private List<DecodedCode> decode(List<String> texts) {
        Map<String, DecodedCode> unique = new LinkedHashMap<>();
        for (String text : texts) {
            for (DecodedCode code : decoded(text)) {
                unique.putIfAbsent(code.kind() + " " + code.code(), code);
            }
        }
        return List.copyOf(unique.values());
    }

    /**
     * A message of a conversation is decoded once, not on every later turn: the texts of a case are the same from
     * turn to turn but for the newest. Only chat-sized texts are kept, so the cache stays small.
     */
    private List<DecodedCode> decoded(String text) {
        if (text.length() > CACHED_TEXT_CHARS) {
            return knowledge.decode(text);
        }
        synchronized (decodedTexts) {
            List<DecodedCode> known = decodedTexts.get(text);
            if (known != null) {
                return known;
            }
        }
        List<DecodedCode> codes = List.copyOf(knowledge.decode(text));
        synchronized (decodedTexts) {
            decodedTexts.put(text, codes);
        }
        return codes;
    }

    /**
     * The first paste (its last {@value #MAX_SEARCH_CHARS} characters) and the latest {@value #LATER_SEARCH_CHARS}
     * characters of what followed: the paste names the failure, later chat adds a detail or two, and a long chat
     * would otherwise make every search slower without finding better articles.
     */
    private static String searchText(List<String> texts) {
        if (texts.isEmpty()) {
            return "";
        }
        String first = texts.get(0);
        String later = String.join("\n", texts.subList(1, texts.size()));
        String head = first.length() <= MAX_SEARCH_CHARS ? first : first.substring(first.length() - MAX_SEARCH_CHARS);
        String tail = later.length() <= LATER_SEARCH_CHARS ? later : later.substring(later.length() - LATER_SEARCH_CHARS);
        return tail.isEmpty() ? head : head + "\n" + tail;
    }

    private static List<CodeFact> codeFacts(List<DecodedCode> codes) {
        return codes.stream().map(c -> new CodeFact(kindName(c.kind()), ruleCode(c), c.value(), c.name(), pointsAt(c),
                        c.label(), c.shown()))
                .toList();
    }

    /** The causes the code's table row points at; a cause listed twice keeps its stronger weight. */
    private static Map<String, Integer> pointsAt(DecodedCode code) {
        Map<String, Integer> points = new LinkedHashMap<>();
        code.causes().forEach(hint -> points.merge(hint.causeId(), hint.weight(), Math::max));
        return points;
    }

    /**
     * FreeRDP errors are known by their names (a log may print the name, the value, or both), so the rules see the
     * name; every other table is keyed by its canonical hex value.
     */
    static String ruleCode(DecodedCode code) {
        return code.kind() == CodeKind.FREERDP_CONNECT_ERROR && !code.name().isEmpty() ? code.name() : code.code();
    }

    /** The rules' names for the decoder's tables. */
    static String kindName(CodeKind kind) {
        return switch (kind) {
            case DISCONNECT_REASON -> "disconnect";
            case EXTENDED_REASON -> "extended";
            case SERVER_ERROR_INFO -> "errinfo";
            case FREERDP_CONNECT_ERROR -> "errconnect";
            case WINDOWS_STATUS -> "status";
            case OPENSSL_ERROR -> "openssl";
            case GUACAMOLE_STATUS -> "guacamole";
            case UNVERIFIED -> "unverified";
            case UNKNOWN -> "unknown";
        };
    }

    /**
     * One fact per cause, from its best-ranked article; scores normalised so the best hit is 1. The rank counts the
     * causes ahead, not the articles: a cause with several articles (one per server family, or a site's own beside
     * the pack's) names one cause however many of its articles match, so its second article must not push the next
     * cause down to a lower rank's points.
     */
    static List<ArticleFact> articleFacts(List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        double best = hits.get(0).score();
        boolean weak = best < WEAK_SEARCH;
        Set<String> seen = new LinkedHashSet<>();
        List<ArticleFact> facts = new ArrayList<>();
        for (SearchHit hit : hits) {
            int causesAhead = seen.size();
            for (String cause : hit.causes()) {
                if (seen.add(cause)) {
                    facts.add(new ArticleFact(cause, best > 0 ? hit.score() / best : 0, causesAhead, weak));
                }
            }
        }
        return facts;
    }

    private static List<ProbeFinding> findings(List<ProbeOutcome> probes) {
        // Skipped steps and the policy verdict say nothing about the target itself.
        return probes.stream().filter(p -> !p.status().equals("SKIPPED") && !p.name().equals("policy"))
                .map(p -> new ProbeFinding(p.name(), p.status(), p.details())).toList();
    }

    private List<Reply.Cause> causes(List<RankedCause> ranked) {
        return ranked.stream()
                .map(c -> new Reply.Cause(c.id(), title(c.id()), c.confidence(), c.evidence()))
                .toList();
    }

    /** The title of the cause's pack article; a site article names the cause only when it added it. */
    private String title(String causeId) {
        List<Article> articles = knowledge.articlesForCause(causeId);
        return articles.stream().filter(a -> !knowledge.fromSite(a)).findFirst().or(() -> articles.stream().findFirst())
                .map(Article::title).orElse(causeId);
    }

    /**
     * The fixes of each leading cause: a site's own steps first, marked as the site's (they say how this helpdesk does
     * it: "our VPN is GlobalProtect: first check ..."), then the steps of the cause's pack article.
     */
    private List<Reply.Fix> fixes(List<Reply.Cause> causes) {
        List<Reply.Fix> fixes = new ArrayList<>();
        for (Reply.Cause cause : causes.subList(0, Math.min(MAX_CAUSES_WITH_FIXES, causes.size()))) {
            List<Article> articles = knowledge.articlesForCause(cause.id());
            List<String> steps = new ArrayList<>();
            articles.stream().filter(knowledge::fromSite)
                    .forEach(a -> a.fixes().forEach(step -> steps.add(SITE_STEP + step)));
            Optional<Article> pack = articles.stream().filter(a -> !knowledge.fromSite(a)).findFirst();
            pack.ifPresent(a -> steps.addAll(a.fixes()));
            pack.or(() -> articles.stream().findFirst())
                    .ifPresent(a -> fixes.add(new Reply.Fix(cause.id(), a.id(), steps)));
        }
        return fixes;
    }

    private static List<String> notices(List<DecodedCode> codes, Diagnosis diagnosis) {
        List<String> notices = new ArrayList<>();
        if (diagnosis.serverLooksHealthy()) {
            notices.add("From Triage's side the server looks healthy: the port is open, RDP negotiates, TLS works and"
                    + " the certificate is valid. The fault is more likely on the client or on the network path"
                    + " between the client and the server.");
        }
        for (DecodedCode code : codes) {
            if (!code.known()) {
                notices.add(code.matched().strip() + ": " + code.meaning());
            }
        }
        return notices;
    }
}

package dev.triage.bot.eval;

import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.TurnEngine;
import dev.triage.knowledge.SearchHit;
import dev.triage.rules.ArticleFact;
import dev.triage.rules.Evidence;
import dev.triage.rules.RankedCause;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import java.util.stream.Collectors;

/**
 * One labelled case split into what the rules say without the knowledge search and what the search found, so that
 * any weighting of the articles can be scored without running the rules again. The ranking is rebuilt the way the
 * rules build it: a cause is a candidate when the rules support it or an article gives it points, and only a positive
 * sum is ranked.
 *
 * @param fold      the file the case came from
 * @param rules     each cause's points from everything but articles, for every cause whose points could be seen
 * @param supported the causes the rules rank without any article
 * @param hits      the search's articles, best first
 */
record ArticleCase(String fold, EvalCase evalCase, Map<String, Integer> rules, Set<String> supported,
        List<SearchHit> hits) {
    /** Evidence of the article rules; everything else is the rules' own. */
    static final String ARTICLE_RULES = "articles:";

    ArticleCase {
        rules = Map.copyOf(rules);
        supported = Set.copyOf(supported);
        hits = List.copyOf(hits);
    }

    /**
     * Runs the rules twice: without articles (what they support on their own), and with a best-article fact for every
     * cause of the pack, so each cause is a candidate and its non-article points show (a cause whose points stay at or
     * below zero even then is left out; it could not be ranked by any sensible article weight).
     */
    static ArticleCase of(String fold, EvalCase c, TurnEngine engine) {
        CaseState state = new CaseState(List.of(c.text()), Map.of(), Optional.empty(), List.of());
        List<RankedCause> alone = engine.diagnoser().diagnose(engine.facts(state, List.of()), false).causes();
        List<ArticleFact> everyCause = engine.diagnoser().causeIds().stream()
                .map(id -> new ArticleFact(id, 1.0, 0)).toList();
        Map<String, Integer> rules = new HashMap<>();
        for (RankedCause cause : engine.diagnoser().diagnose(engine.facts(state, everyCause), false).causes()) {
            rules.put(cause.id(), cause.evidence().stream().filter(e -> !e.rule().startsWith(ARTICLE_RULES))
                    .mapToInt(Evidence::weight).sum());
        }
        return new ArticleCase(fold, c, rules, alone.stream().map(RankedCause::id).collect(Collectors.toSet()),
                engine.search(state));
    }

    /**
     * The ranking with {@code weight(score relative to the best hit, rank)} points per article: from each cause's
     * best-ranked article only, or summed over all its articles.
     */
    List<Ranked> ranked(ToIntBiFunction<Double, Integer> weight, boolean summed) {
        Map<String, Integer> points = new HashMap<>();
        double best = hits.isEmpty() ? 0 : hits.get(0).score();
        for (int rank = 0; rank < hits.size(); rank++) {
            SearchHit hit = hits.get(rank);
            int w = weight.applyAsInt(best > 0 ? hit.score() / best : 0, rank);
            for (String cause : hit.causes()) {
                if (summed) {
                    points.merge(cause, w, Integer::sum);
                } else {
                    points.putIfAbsent(cause, w);
                }
            }
        }
        Map<String, Integer> scores = new HashMap<>();
        rules.forEach((cause, own) -> {
            int article = points.getOrDefault(cause, 0);
            if ((supported.contains(cause) || article > 0) && own + article > 0) {
                scores.put(cause, own + article);
            }
        });
        return scores.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new Ranked(e.getKey(), e.getValue(), 0))
                .toList();
    }

    /** True when a cause of one of the first {@code k} articles is the expected one. */
    boolean retrieved(int k) {
        return hits.stream().limit(k).anyMatch(hit -> hit.causes().contains(evalCase.cause()));
    }
}

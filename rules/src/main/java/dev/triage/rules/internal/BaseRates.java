package dev.triage.rules.internal;

import dev.triage.rules.internal.pack.Pack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The base rates of every loaded pack that states them; a pack without {@code base-rates.tsv} gives its causes none.
 */
final class BaseRates {
    static final String RULE = "base rate: how common this cause is among resolved cases (weighed only when nothing"
            + " but article matches speaks for the first cause)";
    static final BaseRates NONE = new BaseRates(Map.of());

    private final Map<String, BaseRate> rates;

    private BaseRates(Map<String, BaseRate> rates) {
        this.rates = rates;
    }

    static BaseRates of(List<Pack> packs) {
        List<BaseRate> rates = new ArrayList<>();
        for (Pack pack : packs) {
            if (pack.resolved().isEmpty()) {
                continue;
            }
            int cases = pack.resolved().values().stream().mapToInt(Integer::intValue).sum();
            int causes = pack.causes().size();
            pack.causes().forEach(c -> rates.add(
                    new BaseRate(c.id(), pack.resolved().getOrDefault(c.id(), 0), cases, causes)));
        }
        return stated(rates);
    }

    static BaseRates stated(List<BaseRate> rates) {
        Map<String, BaseRate> byCause = new HashMap<>();
        rates.forEach(r -> byCause.put(r.causeId(), r));
        return new BaseRates(byCause);
    }

    /** A contribution per ranked cause whose base rate is worth points; lifts, so they put no cause on the list. */
    List<Contribution> priors(Collection<String> ranked) {
        return ranked.stream().filter(rates::containsKey).map(rates::get).filter(r -> r.points() != 0)
                .map(r -> new Contribution(r.causeId(), r.points(), RULE, r, true)).toList();
    }
}

package dev.triage.bot.eval;

import dev.triage.bot.eval.ArticleFit.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The candidate forms of the articles' weight, each with a small grid of integer points: an article's score is
 * relative to the best hit (1 for the best), its rank 0-based among at most ten hits.
 */
final class ArticleForms {
    private static final double[] LEADING_FLOORS = {0.3, 0.5};
    private static final double[] LOWER_FLOORS = {0.2, 0.4};
    private static final double[] SCORE_FLOORS = {0, 0.3, 0.5};
    private static final int[] DEPTHS = {1, 2, 3, 5, 10};

    private ArticleForms() {
    }

    /** The weights as they were set by hand: 6 for the best article, 3 for ranks 1-2 at 0.3, 1 for ranks 3-9 at 0.2. */
    static Setting current() {
        return bands(6, 3, 0.3, 1, 0.2, false);
    }

    static Map<String, List<Setting>> all() {
        Map<String, List<Setting>> forms = new LinkedHashMap<>();
        forms.put("hand-set 6/3/1 (nothing fitted)", List.of(current()));
        forms.put("best article only: w0", bestOnly());
        forms.put("bands, best article per cause", bands(false));
        forms.put("bands, summed per cause", bands(true));
        forms.put("a x score, first K, per cause", proportional(false));
        forms.put("a x score, first K, summed", proportional(true));
        forms.put("a / (rank+1), per cause", decaying());
        return forms;
    }

    private static List<Setting> bestOnly() {
        List<Setting> settings = new ArrayList<>();
        for (int w0 = 0; w0 <= 12; w0++) {
            settings.add(bands(w0, 0, 1, 0, 1, false));
        }
        return settings;
    }

    private static List<Setting> bands(boolean summed) {
        List<Setting> settings = new ArrayList<>();
        for (int w0 = 0; w0 <= 10; w0++) {
            for (int w1 = 0; w1 <= 6; w1++) {
                for (double t1 : LEADING_FLOORS) {
                    for (int w2 = 0; w2 <= 2; w2++) {
                        for (double t2 : LOWER_FLOORS) {
                            settings.add(bands(w0, w1, t1, w2, t2, summed));
                        }
                    }
                }
            }
        }
        return settings;
    }

    /** The hand-set form: the best article, ranks 1-2 at a floor, ranks 3-9 at a lower floor. */
    private static Setting bands(int w0, int w1, double t1, int w2, double t2, boolean summed) {
        return new Setting("bands", String.format(Locale.ROOT, "%d/%d@%.1f/%d@%.1f", w0, w1, t1, w2, t2), summed,
                (score, rank) -> rank == 0 ? w0 : rank <= 2 ? (score >= t1 ? w1 : 0) : (score >= t2 ? w2 : 0));
    }

    private static List<Setting> proportional(boolean summed) {
        List<Setting> settings = new ArrayList<>();
        for (int a = 0; a <= 12; a++) {
            for (int depth : DEPTHS) {
                for (double floor : SCORE_FLOORS) {
                    int scale = a;
                    String parameters = String.format(Locale.ROOT, "a=%d K=%d floor=%.1f", a, depth, floor);
                    settings.add(new Setting("a x score", parameters, summed,
                            (score, rank) -> rank < depth && score >= floor ? (int) Math.round(scale * score) : 0));
                }
            }
        }
        return settings;
    }

    private static List<Setting> decaying() {
        List<Setting> settings = new ArrayList<>();
        for (int a = 0; a <= 12; a++) {
            for (double floor : SCORE_FLOORS) {
                int scale = a;
                settings.add(new Setting("a/(rank+1)", String.format(Locale.ROOT, "a=%d floor=%.1f", a, floor), false,
                        (score, rank) -> score >= floor ? (int) Math.round(scale / (rank + 1.0)) : 0));
            }
        }
        return settings;
    }
}

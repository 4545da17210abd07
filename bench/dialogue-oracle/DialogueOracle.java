/*
 * The dialogue's oracle (issue 13): for each labelled case, the rank of the expected cause (0 = first, 99 = not
 * ranked) from the text alone, after the planner's questions (at most three, answered from the case's `answers` or
 * "don't know", as `triage eval --dialogue` does), with every known answer at once, with the best single known answer
 * in hindsight, and with the best set of at most three known answers. One tab-separated line per case:
 *   line id cause text planner all best1 best1-answer best3 asked known leader-confidence leader singles
 * Run by bench/dialogue-oracle.sh on the jars the worktree built; answers come from the case, never from the label.
 */
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.conversation.TurnEngine;
import dev.triage.rules.Question;
import java.nio.file.*;
import java.util.*;

public class DialogueOracle {
    static TurnEngine engine;
    static int rank(String text, Map<String,String> ans, String cause) {
        Reply r = engine.reply(new CaseState(List.of(text), ans, Optional.empty(), List.of()));
        for (int i = 0; i < r.causes().size(); i++) if (r.causes().get(i).id().equals(cause)) return i;
        return 99;
    }
    public static void main(String[] a) throws Exception {
        ObjectMapper om = new ObjectMapper();
        try (BotApplication app = BotApplication.create(new ConfigLoader(System.getenv()).load())) {
            engine = app.engine();
            List<String> lines = Files.readAllLines(Path.of(a[0]));
            for (int ln = 1; ln <= lines.size(); ln++) {
                JsonNode n = om.readTree(lines.get(ln - 1));
                String id = n.get("id").asText(), cause = n.get("cause").asText();
                String text = n.has("user_text") ? n.get("user_text").asText() : n.get("text").asText();
                Map<String,String> known = new LinkedHashMap<>();
                n.path("answers").fields().forEachRemaining(e -> known.put(e.getKey(), e.getValue().asText()));
                int r0 = rank(text, Map.of(), cause);
                // planner
                Map<String,String> given = new LinkedHashMap<>();
                Reply last = engine.reply(new CaseState(List.of(text), given, Optional.empty(), List.of()));
                String top0 = last.causes().isEmpty() ? "-" : last.causes().get(0).id();
                double conf0 = last.causes().isEmpty() ? 0 : last.causes().get(0).confidence();
                StringBuilder asked = new StringBuilder();
                for (int q = 0; q < 3; q++) {
                    Optional<Question> next = last.questions().stream().filter(x -> !x.freeText()).findFirst();
                    if (next.isEmpty()) break;
                    String v = known.getOrDefault(next.get().id(), Question.DONT_KNOW);
                    given.put(next.get().id(), v);
                    asked.append(next.get().id()).append('=').append(v).append(' ');
                    last = engine.reply(new CaseState(List.of(text), given, Optional.empty(), List.of()));
                }
                int rc = 99;
                for (int i = 0; i < last.causes().size(); i++) if (last.causes().get(i).id().equals(cause)) { rc = i; break; }
                int rall = known.isEmpty() ? r0 : rank(text, known, cause);
                int best1 = r0; String best1q = "-"; StringBuilder singles = new StringBuilder();
                for (var e : known.entrySet()) {
                    int r = rank(text, Map.of(e.getKey(), e.getValue()), cause);
                    singles.append(e.getKey()).append('=').append(e.getValue()).append(':').append(r).append(' ');
                    if (r < best1) { best1 = r; best1q = e.getKey() + "=" + e.getValue(); }
                }
                // best subset of <=3
                List<String> keys = new ArrayList<>(known.keySet());
                int best3 = Math.min(best1, rall); 
                if (keys.size() > 3) {
                    for (int i = 0; i < keys.size(); i++) for (int j = i + 1; j < keys.size(); j++) {
                        best3 = Math.min(best3, rank(text, Map.of(keys.get(i), known.get(keys.get(i)), keys.get(j), known.get(keys.get(j))), cause));
                        for (int k = j + 1; k < keys.size(); k++)
                            best3 = Math.min(best3, rank(text, Map.of(keys.get(i), known.get(keys.get(i)), keys.get(j), known.get(keys.get(j)), keys.get(k), known.get(keys.get(k))), cause));
                    }
                } else if (keys.size() == 2 || keys.size() == 3) {
                    for (int i = 0; i < keys.size(); i++) for (int j = i + 1; j < keys.size(); j++)
                        best3 = Math.min(best3, rank(text, Map.of(keys.get(i), known.get(keys.get(i)), keys.get(j), known.get(keys.get(j))), cause));
                }
                System.out.printf(Locale.ROOT, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%s\t%d\t%s\t%s\t%.3f\t%s\t%s%n", ln, id, cause, r0, rc, rall, best1, best1q, best3,
                        asked.toString().trim(), known.toString(), conf0, top0, singles.toString().trim());
            }
        }
    }
}

package dev.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the labelled dev set text-only and prints top-1 / top-3. It asserts no accuracy threshold (the real judge is a
 * hidden set of the same kind); it only checks that every case gets a diagnosis.
 */
class DevSetTest {
    private static final Path DEV_SET = Path.of("../../shared/eval/rdp-dev-cases.jsonl");
    private static final Pattern FIELD = Pattern.compile("\"(id|cause|user_text)\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern DIALOG_CODE =
            Pattern.compile("(?i)(extended error code|error code)\\s*:\\s*(0x[0-9a-f]+)");

    @Test
    void devSetTopOneAndTopThreeArePrinted() throws IOException {
        Path file = DEV_SET.toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            file = Path.of("/work/shared/eval/rdp-dev-cases.jsonl");
        }
        Diagnoser diagnoser = Diagnoser.create();
        int top1 = 0;
        int top3 = 0;
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            Map<String, String> c = fields(line);
            List<String> ranked = diagnoser.diagnose(facts(c.get("user_text"))).causeIds();
            assertThat(ranked).as(c.get("id")).isNotEmpty();
            int at = ranked.indexOf(c.get("cause"));
            top1 += at == 0 ? 1 : 0;
            top3 += at >= 0 && at < 3 ? 1 : 0;
            System.out.printf("%s %-32s rank %2d  top3 %s%n", c.get("id"), c.get("cause"), at,
                    ranked.subList(0, Math.min(3, ranked.size())));
        }
        System.out.printf("dev set: top-1 %d/%d, top-3 %d/%d%n", top1, lines.size(), top3, lines.size());
    }

    /** What the bot's decoder would add for an mstsc dialog: the two codes. */
    private static CaseFacts facts(String text) {
        List<CodeFact> codes = new ArrayList<>();
        Matcher m = DIALOG_CODE.matcher(text);
        while (m.find()) {
            String kind = m.group(1).toLowerCase().startsWith("extended") ? "extended" : "disconnect";
            String code = m.group(2).toLowerCase();
            codes.add(new CodeFact(kind, code, Long.parseLong(code.substring(2), 16), ""));
        }
        return new CaseFacts(List.of(text), codes, Map.of(), List.of(), List.of(), Optional.empty());
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> out = new java.util.HashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }
}

package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The question planner inserts every option of every question as a hypothetical {@link Answer} into the same session
 * to measure what each would change, and the ranking drops only contributions whose fact is a hypothetical answer.
 * So a rule reading {@code /answers} must either see only the answers the user gave ({@code given}, or
 * {@code hypothetical == false}), or bind the answer and pass it as the fact of everything it says. Otherwise
 * {@code not /answers[ questionId == "environment" ]} is false in every session where the planner is weighing that
 * question (the rule silently never counts), and a positive pattern whose lift names another fact counts a
 * hypothetical answer as if the user had given it. Two helpers of session 11 lost time to the first.
 */
class AnswerPatternsTest {
    private static final Pattern RULE = Pattern.compile("(?ms)^rule \"([^\"]+)\"(.*?)^end");
    private static final Pattern ANSWER_PATTERN = Pattern.compile("(\\$(\\w+)\\s*:\\s*)?/answers\\[([^\\]]*)]");
    private static final Pattern OUT_CALL = Pattern.compile("out\\.\\w+\\(([^;]*)\\);");

    @Test
    void everyRuleReadingAnswersKeepsThePlannersHypotheticalOnesApart() throws IOException {
        List<String> offenders = new ArrayList<>();
        int patterns = 0;
        for (String drl : RuleSessionTest.drlTexts()) {
            Matcher rule = RULE.matcher(drl);
            while (rule.find()) {
                String body = rule.group(2);
                int then = body.indexOf("\nthen");
                if (then < 0) {
                    continue;
                }
                String when = body.substring(0, then);
                String consequence = body.substring(then);
                Matcher answer = ANSWER_PATTERN.matcher(when);
                while (answer.find()) {
                    patterns++;
                    if (!keepsHypotheticalsApart(answer, consequence)) {
                        offenders.add(rule.group(1) + ": " + answer.group());
                    }
                }
            }
        }
        assertThat(patterns).as("answer patterns found (the scan must see the rules)").isGreaterThan(20);
        assertThat(offenders).as("rules whose /answers pattern neither filters given answers nor passes its answer on")
                .isEmpty();
    }

    @Test
    void theScanCatchesAnUnfilteredNegationAndALiftNamingAnotherFact() {
        String silenced = "    not /answers[ questionId == \"environment\" ]\n";
        String leaking = "    $a : /answers[ questionId == \"vpn\", value == \"vpn\" ]\n    $s : /signals[ id == \"x\" ]\n";
        String lift = "\nthen\n    out.lift(\"net.vpn-unstable\", -4, drools.getRule().getName(), $s);\n";
        assertThat(keepsHypotheticalsApart(first(silenced), lift)).isFalse();
        assertThat(keepsHypotheticalsApart(first(leaking), lift)).isFalse();
        assertThat(keepsHypotheticalsApart(first("    not /answers[ questionId == \"vpn\", given ]\n"), lift)).isTrue();
        assertThat(keepsHypotheticalsApart(first(leaking), lift.replace("$s", "$a"))).isTrue();
    }

    private static boolean keepsHypotheticalsApart(Matcher answer, String consequence) {
        String constraints = answer.group(3);
        if (constraints.contains("given") || constraints.contains("hypothetical == false")) {
            return true;
        }
        String bound = answer.group(2);
        if (bound == null) {
            return false;
        }
        Matcher out = OUT_CALL.matcher(consequence);
        boolean any = false;
        while (out.find()) {
            any = true;
            if (!out.group(1).contains("$" + bound)) {
                return false;
            }
        }
        return any;
    }

    private static Matcher first(String when) {
        Matcher m = ANSWER_PATTERN.matcher(when);
        assertThat(m.find()).isTrue();
        return m;
    }
}

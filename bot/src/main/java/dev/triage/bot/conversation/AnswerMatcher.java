package dev.triage.bot.conversation;

import dev.triage.rules.Question;
import dev.triage.rules.Question.Option;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Matches a typed reply to a question's options leniently: the option's value or label, its number in the list, a
 * common synonym ({@code y}, {@code nope}, {@code on-prem}, {@code dunno}), or an unambiguous beginning of a label.
 * It never guesses: a reply that fits no option, or fits two, is {@link Match.NoFit}.
 */
final class AnswerMatcher {
    // Each set is one meaning; an option belongs to a set when its value or label says that meaning.
    private static final List<Set<String>> SYNONYMS = List.of(
            Set.of("yes", "y", "yeah", "yep", "yup", "sure", "correct", "true", "ja", "oui", "si", "da", "it does",
                    "they do", "works", "it works"),
            Set.of("no", "n", "nope", "nah", "false", "nein", "non", "net", "it doesnt", "they dont", "none"),
            Set.of("unknown", "dont know", "do not know", "dunno", "idk", "not sure", "unsure", "no idea", "not tried",
                    "havent tried", "have not tried", "didnt try", "did not try", "no clue"),
            Set.of("on premises", "on prem", "onprem", "onpremise", "onpremises", "on premise", "local", "in house",
                    "office", "our datacenter", "datacenter", "data center", "home", "physical"),
            Set.of("azure", "azure vm", "in azure", "microsoft azure"),
            Set.of("other cloud", "aws", "amazon", "ec2", "gcp", "google cloud", "oracle cloud", "another cloud"),
            Set.of("vpn", "through a vpn", "over vpn", "via vpn", "using vpn"),
            Set.of("gateway", "rd gateway", "rdg", "rdgateway", "remote desktop gateway", "through a gateway"),
            Set.of("direct", "directly", "lan", "same network", "no vpn"));
    private static final int MIN_PREFIX = 3;

    private AnswerMatcher() {
    }

    /** What a typed reply means for a question. */
    sealed interface Match {
        record Matched(String value) implements Match {
        }

        record NoFit(String message) implements Match {
        }
    }

    static Match match(Question question, String typed) {
        String reply = normalise(typed);
        List<Option> options = question.options();
        return exact(options, reply)
                .or(() -> ordinal(options, reply))
                .or(() -> synonym(options, reply))
                .or(() -> prefix(options, reply))
                .<Match>map(Match.Matched::new)
                .orElseGet(() -> new Match.NoFit(noFit(question, typed)));
    }

    /** The options as a numbered list, for a reply that asks the user to choose. */
    static String numbered(Question question) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < question.options().size(); i++) {
            lines.add((i + 1) + ". " + question.options().get(i).label());
        }
        return String.join("  ", lines);
    }

    private static Optional<String> exact(List<Option> options, String reply) {
        return unique(options.stream().filter(o -> normalise(o.value()).equals(reply)
                || normalise(o.label()).equals(reply)).toList());
    }

    private static Optional<String> ordinal(List<Option> options, String reply) {
        if (!reply.matches("[0-9]{1,2}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(reply);
        return n >= 1 && n <= options.size() ? Optional.of(options.get(n - 1).value()) : Optional.empty();
    }

    private static Optional<String> synonym(List<Option> options, String reply) {
        for (Set<String> meaning : SYNONYMS) {
            if (meaning.contains(reply)) {
                return unique(options.stream().filter(o -> says(o, meaning)).toList());
            }
        }
        return Optional.empty();
    }

    private static boolean says(Option option, Set<String> meaning) {
        String label = normalise(option.label());
        return meaning.contains(normalise(option.value())) || meaning.contains(label)
                || meaning.stream().anyMatch(word -> label.startsWith(word + " "));
    }

    private static Optional<String> prefix(List<Option> options, String reply) {
        if (reply.length() < MIN_PREFIX) {
            return Optional.empty();
        }
        return unique(options.stream().filter(o -> normalise(o.label()).startsWith(reply)
                || normalise(o.value()).startsWith(reply)).toList());
    }

    private static Optional<String> unique(List<Option> found) {
        return found.size() == 1 ? Optional.of(found.get(0).value()) : Optional.empty();
    }

    private static String noFit(Question question, String typed) {
        String shown = typed.strip().length() <= 40 ? typed.strip() : typed.strip().substring(0, 40) + "…";
        return "“" + shown + "” does not fit “" + question.text() + "”. Answer with one of: "
                + numbered(question) + " (the number or the words), or paste more of the error.";
    }

    /** Lower case, accents and punctuation dropped, hyphens and slashes as spaces, spaces collapsed. */
    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace('’', '\'').replace("'", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

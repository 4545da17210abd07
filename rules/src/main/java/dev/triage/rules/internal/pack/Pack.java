package dev.triage.rules.internal.pack;

import dev.triage.rules.Question;
import dev.triage.rules.internal.CauseInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One knowledge pack's rule data, read and checked by {@link PackReader}.
 *
 * @param id        the pack id ({@code rdp})
 * @param title     what the pack diagnoses
 * @param drl       true when the pack's combination rules are the prebuilt DRL unit (bundled packs only)
 * @param causes    the pack's causes with their scopes, in file order
 * @param questions the pack's follow-up questions, in file order
 * @param askedWhen per question, the signals ({@code "family id"}) that make it worth asking; questions a DRL rule
 *                  asks have none
 * @param answeredBy per question, the signals that mean the pasted text already answers it (it is then never asked)
 * @param atHand    per question, the signals that show the user looking at what the question asks about (a tool's
 *                  report that prints the answer beside what was pasted): such a question is one they can answer
 * @param phrases   the phrase families that raise the pack's signals
 * @param signals   signal fan-out rows
 * @param answers   answer fan-out rows
 * @param codes     decoded error code fan-out rows ({@code "kind code"}, e.g. {@code "disconnect 0x904"})
 * @param standIns  the signals whose rows do not count beside a stronger signal for the same fact
 * @param resolved  per cause, how many of the pack's resolved development cases it explained ({@code base-rates.tsv});
 *                  empty when the pack states no base rates
 */
public record Pack(String id, String title, boolean drl, List<CauseInfo> causes, List<Question> questions,
        Map<String, List<String>> askedWhen, Map<String, List<String>> answeredBy, Map<String, List<String>> atHand,
        List<PhraseFamily> phrases, List<FanOut> signals, List<FanOut> answers, List<FanOut> codes,
        List<StandIn> standIns, Map<String, Integer> resolved) {
    public Pack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        causes = List.copyOf(causes);
        questions = List.copyOf(questions);
        askedWhen = Map.copyOf(askedWhen);
        answeredBy = Map.copyOf(answeredBy);
        atHand = Map.copyOf(atHand);
        phrases = List.copyOf(phrases);
        signals = List.copyOf(signals);
        answers = List.copyOf(answers);
        codes = List.copyOf(codes);
        standIns = List.copyOf(standIns);
        resolved = Map.copyOf(resolved);
    }
}

package dev.triage.bot.eval;

import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.Reply;
import dev.triage.rules.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One simulated conversation: the case's text as the first message, then Triage's first follow-up question each turn,
 * answered from what the poster knew or with "don't know", until it has asked {@code maxQuestions} or has nothing
 * left to ask. Each turn goes through the same {@code CaseState -> Reply} step a chat turn does.
 *
 * <p>Free-text questions (the target host) are passed over: they only let probes run, and an evaluation runs none.
 */
final class Dialogue {
    private final Function<CaseState, Reply> turn;
    private final int maxQuestions;

    Dialogue(Function<CaseState, Reply> turn, int maxQuestions) {
        if (maxQuestions < 0) {
            throw new IllegalArgumentException("maxQuestions must be >= 0: " + maxQuestions);
        }
        this.turn = turn;
        this.maxQuestions = maxQuestions;
    }

    /** What was asked and answered, and the replies before the first and after the last answer. */
    record Transcript(Reply first, Reply last, List<Exchange> exchanges) {
        Transcript {
            exchanges = List.copyOf(exchanges);
        }
    }

    /** One question, the answer the simulated user gave, and Triage's reply to that answer. */
    record Exchange(String questionId, String answer, Reply after) {
        boolean unknown() {
            return answer.equals(Question.DONT_KNOW);
        }
    }

    Transcript run(EvalCase c) {
        Map<String, String> given = new LinkedHashMap<>();
        List<Exchange> exchanges = new ArrayList<>();
        Reply first = turn.apply(state(c, given));
        Reply last = first;
        while (exchanges.size() < maxQuestions) {
            Optional<Question> next = last.questions().stream().filter(q -> !q.freeText()).findFirst();
            if (next.isEmpty()) {
                break;
            }
            Question q = next.get();
            if (given.containsKey(q.id())) {
                throw new IllegalStateException("asked again after an answer: " + q.id());
            }
            String answer = c.answers().getOrDefault(q.id(), Question.DONT_KNOW);
            given.put(q.id(), answer);
            last = turn.apply(state(c, given));
            exchanges.add(new Exchange(q.id(), answer, last));
        }
        return new Transcript(first, last, exchanges);
    }

    private static CaseState state(EvalCase c, Map<String, String> answers) {
        return new CaseState(List.of(c.text()), answers, Optional.empty(), List.of());
    }
}

package dev.triage.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A case folded from its facts up to {@code lastSeq}: what a turn needs, kept small however long the case grows, so
 * a turn costs the same at message 10 and at message 5,000. Folding the facts after {@code lastSeq} onto it gives
 * exactly what folding every fact from the start gives, so a snapshot is only ever a cache.
 *
 * @param lastSeq       the seq of the last fact folded in, -1 for none
 * @param firstText     the case's first paste, which usually holds the error itself
 * @param recentTexts   the latest messages after the first, together at most {@link #RECENT_CHARS} characters
 *                      (the latest one always whole)
 * @param answers       question id to the latest answer
 * @param hostFact      the host the user named as an answer, when they did
 * @param textHost      the host named by the latest message that names one (found once, when it is folded in)
 * @param probes        the latest probe run's steps
 * @param probedTargets every target a probe run was stored for
 */
public record CaseSnapshot(
        int lastSeq,
        Optional<String> firstText,
        List<String> recentTexts,
        Map<String, String> answers,
        Optional<String> hostFact,
        Optional<String> textHost,
        List<ProbeOutcome> probes,
        Set<String> probedTargets) {
    /** What the rules read besides the first paste: a conversation's latest words matter, its middle rarely. */
    public static final int RECENT_CHARS = 8_000;

    public CaseSnapshot {
        Objects.requireNonNull(firstText, "firstText");
        recentTexts = List.copyOf(recentTexts);
        answers = Map.copyOf(answers);
        Objects.requireNonNull(hostFact, "hostFact");
        Objects.requireNonNull(textHost, "textHost");
        probes = List.copyOf(probes);
        probedTargets = Set.copyOf(probedTargets);
    }

    public static CaseSnapshot empty() {
        return new CaseSnapshot(-1, Optional.empty(), List.of(), Map.of(), Optional.empty(), Optional.empty(), List.of(),
                Set.of());
    }

    /** The state a turn replies from. */
    public CaseState state() {
        List<String> texts = new ArrayList<>();
        firstText.ifPresent(texts::add);
        texts.addAll(recentTexts);
        return new CaseState(texts, answers, hostFact.or(() -> textHost), probes);
    }
}

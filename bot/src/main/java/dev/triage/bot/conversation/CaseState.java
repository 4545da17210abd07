package dev.triage.bot.conversation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a case knows, rebuilt from its stored facts on every turn.
 *
 * @param texts   everything the user pasted or typed, oldest first
 * @param answers question id to answer value; a later answer to the same question replaces the earlier one
 * @param host    the host being diagnosed, when known
 * @param probes  the latest probe run's steps, empty when none ran
 */
public record CaseState(
        List<String> texts, Map<String, String> answers, Optional<String> host, List<ProbeOutcome> probes) {
    public CaseState {
        texts = List.copyOf(texts);
        answers = Map.copyOf(answers);
        Objects.requireNonNull(host, "host");
        probes = List.copyOf(probes);
    }

    public static CaseState empty() {
        return new CaseState(List.of(), Map.of(), Optional.empty(), List.of());
    }
}

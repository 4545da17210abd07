package dev.triage.rules.internal;

import dev.triage.rules.CodeFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One cause a decoded code's table row points at, flattened from {@link CodeFact#pointsAt()} so that one rule can
 * turn every such row into support without a rule per code.
 *
 * @param code    the code, the evidence the support cites
 * @param causeId the cause it points at
 * @param weight  how strongly, as the table says
 */
public record CodePointer(CodeFact code, String causeId, int weight) {
    public CodePointer {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(causeId, "causeId");
    }

    static List<CodePointer> of(List<CodeFact> codes) {
        List<CodePointer> pointers = new ArrayList<>();
        for (CodeFact code : codes) {
            for (Map.Entry<String, Integer> entry : code.pointsAt().entrySet()) {
                pointers.add(new CodePointer(code, entry.getKey(), entry.getValue()));
            }
        }
        return pointers;
    }
}

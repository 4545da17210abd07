package dev.triage.knowledge.internal.index;

import dev.triage.knowledge.internal.codes.CodeSpelling;
import dev.triage.knowledge.internal.decode.CodeRow;
import dev.triage.knowledge.internal.decode.CodeTable;
import dev.triage.knowledge.internal.decode.CodeTables;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Expands an article's codes with their other spellings from the tables, so an article listing
 * {@code ERRCONNECT_CONNECT_TRANSPORT_FAILED} is found by {@code [0x0002000D]} and the other way round.
 */
final class CodeAliases {
    /** Below this, one value means different things in different tables, so it gets no name aliases. */
    private static final long MIN_UNAMBIGUOUS = 0x100;

    private final CodeTables tables;

    CodeAliases(CodeTables tables) {
        this.tables = tables;
    }

    /** The lower-case terms of the {@code codes} field for these canonical codes. */
    Set<String> expand(List<String> codes) {
        Set<String> terms = new LinkedHashSet<>();
        for (String code : codes) {
            terms.add(code.toLowerCase(Locale.ROOT));
            Optional<Long> hex = CodeSpelling.hexValue(code);
            for (CodeTable table : tables.all()) {
                if (hex.isPresent() && hex.get() >= MIN_UNAMBIGUOUS) {
                    table.exact(hex.get()).map(CodeRow::name).filter(name -> !name.isEmpty())
                            .ifPresent(name -> terms.add(name.toLowerCase(Locale.ROOT)));
                } else if (hex.isEmpty()) {
                    table.named(code).ifPresent(row -> terms.add(CodeSpelling.hex(row.first())));
                }
            }
        }
        return terms;
    }
}

package dev.triage.knowledge.internal.decode;

import dev.triage.knowledge.CodeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** All code tables the decoder and the analyzer use, loaded once per knowledge base. */
public record CodeTables(
        CodeTable disconnect, CodeTable extended, CodeTable serverInfo, CodeTable connect, CodeTable unverified,
        CodeTable windowsStatus) {

    public static CodeTables load() {
        return new CodeTables(
                CodeTable.load(CodeKind.DISCONNECT_REASON, "disconnect-reasons.tsv"),
                CodeTable.load(CodeKind.EXTENDED_REASON, "extended-reasons.tsv"),
                CodeTable.load(CodeKind.SERVER_ERROR_INFO, "server-error-info.tsv"),
                CodeTable.load(CodeKind.FREERDP_CONNECT_ERROR, "freerdp-connect-errors.tsv"),
                CodeTable.load(CodeKind.UNVERIFIED, "unverified.tsv"),
                CodeTable.load(CodeKind.WINDOWS_STATUS, "windows-status.tsv"));
    }

    public List<CodeTable> all() {
        return List.of(disconnect, extended, serverInfo, connect, unverified, windowsStatus);
    }

    /** Every single value any table lists; ranges are left out because they would swallow ordinary numbers. */
    public Set<Long> knownValues() {
        Set<Long> values = new HashSet<>();
        for (CodeTable table : all()) {
            table.rows().stream().filter(row -> !row.isRange()).forEach(row -> values.add(row.first()));
        }
        return Set.copyOf(values);
    }
}

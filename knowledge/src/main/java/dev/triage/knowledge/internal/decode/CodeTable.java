package dev.triage.knowledge.internal.decode;

import dev.triage.knowledge.CauseHint;
import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.KnowledgeException;
import dev.triage.knowledge.internal.codes.CodeSpelling;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One code table read from a TSV resource: {@code #} comment lines (a {@code # source:} line names the source),
 * a {@code value name meaning [causes]} header, then one row per code; a value may be a range {@code 0x1000-0x7fff};
 * the optional fourth cell lists the causes the code points at ({@code net.unreachable:6 net.port-blocked:5}).
 */
public final class CodeTable {
    private static final String SOURCE_PREFIX = "# source:";

    private final CodeKind kind;
    private final String source;
    private final List<CodeRow> rows;
    private final Map<Long, CodeRow> byValue = new HashMap<>();
    private final Map<String, CodeRow> byName = new HashMap<>();

    CodeTable(CodeKind kind, String source, List<CodeRow> rows) {
        this.kind = kind;
        this.source = source;
        this.rows = List.copyOf(rows);
        for (CodeRow row : this.rows) {
            if (!row.isRange() && byValue.putIfAbsent(row.first(), row) != null) {
                throw new KnowledgeException(kind + " table lists " + CodeSpelling.hex(row.first()) + " twice");
            }
            if (!row.name().isEmpty()) {
                byName.put(row.name().toUpperCase(Locale.ROOT), row);
            }
        }
    }

    /** Loads a table from a resource next to this class; a missing or malformed table is a build error. */
    static CodeTable load(CodeKind kind, String resource) {
        try (InputStream in = CodeTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new KnowledgeException("code table " + resource + " is missing from the class path");
            }
            return parse(kind, resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new KnowledgeException("cannot read code table " + resource, e);
        }
    }

    private static CodeTable parse(CodeKind kind, String resource, BufferedReader reader) throws IOException {
        String source = "";
        List<CodeRow> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith(SOURCE_PREFIX)) {
                source = line.substring(SOURCE_PREFIX.length()).strip();
            } else if (line.startsWith("#") || line.isBlank()) {
                continue;
            } else if (!headerSeen) {
                headerSeen = true;
            } else {
                rows.add(row(resource, line));
            }
        }
        if (source.isEmpty() || rows.isEmpty()) {
            throw new KnowledgeException("code table " + resource + " needs a '# source:' line and rows");
        }
        return new CodeTable(kind, source, rows);
    }

    private static CodeRow row(String resource, String line) {
        String[] cells = line.split("\t", -1);
        if (cells.length != 3 && cells.length != 4) {
            throw new KnowledgeException(resource + ": expected value, name, meaning and optional causes in: " + line);
        }
        String[] bounds = cells[0].split("-", 2);
        long first = value(resource, bounds[0]);
        long last = bounds.length == 2 ? value(resource, bounds[1]) : first;
        List<CauseHint> causes = cells.length == 4 ? causes(resource, cells[3]) : List.of();
        return new CodeRow(first, last, cells[1].strip(), cells[2].strip(), causes);
    }

    /** {@code cause.id:weight} pairs separated by spaces, e.g. {@code net.unreachable:6 net.port-blocked:5}. */
    private static List<CauseHint> causes(String resource, String cell) {
        List<CauseHint> causes = new ArrayList<>();
        for (String pair : cell.strip().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split(":", -1);
            try {
                causes.add(new CauseHint(parts[0], parts.length == 2 ? Integer.parseInt(parts[1]) : 0));
            } catch (IllegalArgumentException e) {
                throw new KnowledgeException(resource + ": bad cause '" + pair + "' (want cause.id:weight): "
                        + e.getMessage(), e);
            }
        }
        return causes;
    }

    private static long value(String resource, String text) {
        return CodeSpelling.hexValue(text.strip())
                .orElseThrow(() -> new KnowledgeException(resource + ": '" + text + "' is not a hex value"));
    }

    public CodeKind kind() {
        return kind;
    }

    public String source() {
        return source;
    }

    public List<CodeRow> rows() {
        return rows;
    }

    /** The row listing exactly this value (ranges are not consulted). */
    public Optional<CodeRow> exact(long value) {
        return Optional.ofNullable(byValue.get(value));
    }

    /** The documented range containing this value. */
    public Optional<CodeRow> range(long value) {
        return rows.stream().filter(CodeRow::isRange).filter(row -> row.contains(value)).findFirst();
    }

    /** The row with this symbolic name, ignoring case. */
    public Optional<CodeRow> named(String name) {
        return Optional.ofNullable(byName.get(name.toUpperCase(Locale.ROOT)));
    }
}

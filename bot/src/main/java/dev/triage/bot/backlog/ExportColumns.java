package dev.triage.bot.backlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which columns of an export hold a ticket's id and its text. Without names given, the default export columns of
 * three ticket systems are recognised, the first shape whose text columns are present winning:
 * <ul>
 *   <li>Jira (Issues → Export → CSV): {@code Summary}, {@code Description}; id {@code Issue key}</li>
 *   <li>ServiceNow (list → Export → CSV, which heads columns with field names): {@code short_description},
 *       {@code description}; id {@code number}</li>
 *   <li>Zendesk: {@code Subject}, {@code Description}; id {@code Id}</li>
 * </ul>
 * Names compare without case, and {@code _} matches a space, so ServiceNow's field names and its labels both work.
 * A name matches every column it heads: Jira repeats {@code Comment} once per comment.
 */
final class ExportColumns {
    /** A recognised export layout. */
    private record Shape(String system, String id, List<String> text) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("Jira", "Issue key", List.of("Summary", "Description")),
            new Shape("ServiceNow", "number", List.of("short_description", "description")),
            new Shape("Zendesk", "Id", List.of("Subject", "Description")));

    /** The columns chosen: the id column (-1: none, ids are line numbers) and the text columns, in file order. */
    record Chosen(String system, int id, List<Integer> text) {
        Chosen {
            text = List.copyOf(text);
        }
    }

    private ExportColumns() {
    }

    /**
     * The columns to read from {@code header}; {@code textNames} and {@code idName}, when given, replace the
     * recognised shapes. Empty with {@code problem} set when the header lacks them.
     */
    static Result choose(List<String> header, List<String> textNames, Optional<String> idName) {
        if (!textNames.isEmpty()) {
            List<String> missing = textNames.stream().filter(n -> indexes(header, n).isEmpty()).toList();
            if (!missing.isEmpty()) {
                return Result.problem("no column " + String.join(", ", missing) + " in the header" + has(header));
            }
            List<Integer> text = textNames.stream().flatMap(n -> indexes(header, n).stream()).sorted().distinct()
                    .toList();
            return withId(new Chosen("named columns", -1, text), header, idName);
        }
        for (Shape shape : SHAPES) {
            List<Integer> text = shape.text().stream().flatMap(n -> indexes(header, n).stream()).sorted().toList();
            List<Integer> id = indexes(header, shape.id());
            if (!text.isEmpty() && (!id.isEmpty() || idName.isPresent())) {
                return withId(new Chosen(shape.system(), id.get(0), text), header, idName);
            }
        }
        return Result.problem("the header has none of the text columns of a Jira (Summary, Description), "
                + "ServiceNow (short_description, description) or Zendesk (Subject, Description) export; name them "
                + "with --text-column" + has(header));
    }

    /** The columns, or what is wrong with the header. */
    record Result(Optional<Chosen> chosen, String problem) {
        static Result problem(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }

    private static Result withId(Chosen chosen, List<String> header, Optional<String> idName) {
        if (idName.isEmpty()) {
            return new Result(Optional.of(chosen), null);
        }
        List<Integer> id = indexes(header, idName.get());
        if (id.isEmpty()) {
            return Result.problem("no column " + idName.get() + " in the header" + has(header));
        }
        return new Result(Optional.of(new Chosen(chosen.system(), id.get(0), chosen.text())), null);
    }

    private static List<Integer> indexes(List<String> header, String name) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (normal(header.get(i)).equals(normal(name))) {
                found.add(i);
            }
        }
        return found;
    }

    private static String normal(String name) {
        return name.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** The first columns of the header, so a wrong name can be corrected without opening the file. */
    private static String has(List<String> header) {
        List<String> shown = header.stream().limit(12).map(h -> "'" + h.strip() + "'").toList();
        String more = header.size() > 12 ? ", … (" + header.size() + " columns)" : "";
        return "; it has " + String.join(", ", shown) + more;
    }
}

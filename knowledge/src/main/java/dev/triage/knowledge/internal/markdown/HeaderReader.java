package dev.triage.knowledge.internal.markdown;

import dev.triage.knowledge.Article.Source;
import dev.triage.knowledge.internal.codes.CodeSpelling;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates the front-matter mapping key by key, reporting every problem with the key as the field. */
final class HeaderReader {
    private static final List<String> KEYS = List.of("id", "title", "causes", "codes", "tags", "sources", "updated");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CAUSE = Pattern.compile("[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final String CAUSES_RULE = "must be a non-empty list of cause ids like net.dns-wrong";

    private final Map<?, ?> yaml;
    private final String fileId;
    private final Problems problems;

    private HeaderReader(Map<?, ?> yaml, String fileId, Problems problems) {
        this.yaml = yaml;
        this.fileId = fileId;
        this.problems = problems;
    }

    /** The header when every key is valid; otherwise empty, with the problems reported. */
    static Optional<Header> read(Map<?, ?> yaml, String fileId, Problems problems) {
        return new HeaderReader(yaml, fileId, problems).read();
    }

    private Optional<Header> read() {
        int before = problems.list().size();
        reportUnknownKeys();
        Header header = new Header(id(), title(), causes(), codes(), tags(), sources(), updated());
        return problems.list().size() == before ? Optional.of(header) : Optional.empty();
    }

    private void reportUnknownKeys() {
        for (Object key : yaml.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                problems.add(String.valueOf(key), "unknown key; the allowed keys are " + String.join(", ", KEYS));
            }
        }
    }

    private Optional<Object> required(String key) {
        if (!yaml.containsKey(key)) {
            problems.add(key, "is required");
            return Optional.empty();
        }
        return Optional.ofNullable(yaml.get(key));
    }

    private String id() {
        String id = required("id").map(HeaderReader::text).orElse("");
        if (yaml.containsKey("id") && !KEBAB.matcher(id).matches()) {
            problems.add("id", "must be kebab-case like cert-expired, was '" + id + "'");
        } else if (yaml.containsKey("id") && !id.equals(fileId)) {
            problems.add("id", "'" + id + "' must equal the file name without .md ('" + fileId + "')");
        }
        return id;
    }

    private String title() {
        String title = required("title").map(HeaderReader::text).orElse("").strip();
        if (yaml.containsKey("title") && (title.isEmpty() || title.contains("\n"))) {
            problems.add("title", "must be a non-empty one-line string");
        }
        return title;
    }

    private List<String> causes() {
        if (!yaml.containsKey("causes")) {
            problems.add("causes", "is required");
            return List.of();
        }
        List<String> causes = new ArrayList<>();
        Object value = yaml.get("causes");
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            problems.add("causes", CAUSES_RULE);
            return causes;
        }
        for (Object item : items) {
            String cause = text(item);
            if (CAUSE.matcher(cause).matches()) {
                causes.add(cause);
            } else {
                problems.add("causes", CAUSES_RULE + "; '" + cause + "' is not one");
            }
        }
        return causes;
    }

    private List<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        for (Object item : list("codes")) {
            if (!(item instanceof String code)) {
                problems.add("codes", "'" + item + "' must be a quoted string like \"0x904\""
                        + " (unquoted hex is read as a decimal number)");
                continue;
            }
            CodeSpelling.canonical(code).ifPresentOrElse(codes::add, () -> problems.add("codes",
                    "'" + code + "' is neither a hex code like \"0x904\" nor a name like \"SSL_ERR_CERT_EXPIRED\""));
        }
        return List.copyOf(codes);
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (Object item : list("tags")) {
            String tag = text(item).strip();
            if (tag.isEmpty()) {
                problems.add("tags", "must be a list of non-empty words");
            } else {
                tags.add(tag);
            }
        }
        return tags;
    }

    private List<?> list(String key) {
        Object value = required(key).orElse(List.of());
        if (value instanceof List<?> items) {
            return items;
        }
        problems.add(key, "must be a list like [a, b] (may be empty: [])");
        return List.of();
    }

    private List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        Object value = required("sources").orElse(null);
        if (yaml.containsKey("sources") && (!(value instanceof List<?> items) || items.isEmpty())) {
            problems.add("sources", "must be a non-empty list of entries with a title and an http(s) url");
            return sources;
        }
        List<?> items = value instanceof List<?> list ? list : List.of();
        for (int i = 0; i < items.size(); i++) {
            source(items.get(i), i + 1).ifPresent(sources::add);
        }
        return sources;
    }

    private Optional<Source> source(Object item, int number) {
        String where = "entry " + number + ": ";
        if (!(item instanceof Map<?, ?> entry)) {
            problems.add("sources", where + "must have a title and a url");
            return Optional.empty();
        }
        int before = problems.list().size();
        for (Object key : entry.keySet()) {
            if (!"title".equals(key) && !"url".equals(key)) {
                problems.add("sources", where + "unknown key '" + key + "'; only title and url are allowed");
            }
        }
        String title = text(entry.get("title")).strip();
        String url = text(entry.get("url")).strip();
        if (title.isEmpty()) {
            problems.add("sources", where + "title must be a non-empty string");
        }
        if (!isWebAddress(url)) {
            problems.add("sources", where + "url must be an http(s) address, was '" + url + "'");
        }
        return problems.list().size() == before ? Optional.of(new Source(title, url)) : Optional.empty();
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private LocalDate updated() {
        Object value = required("updated").orElse(null);
        if (value instanceof Date date) {
            var instant = date.toInstant().atOffset(ZoneOffset.UTC);
            if (instant.toLocalTime().toSecondOfDay() == 0) {
                return instant.toLocalDate();
            }
        } else if (value instanceof String text) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (yaml.containsKey("updated")) {
            problems.add("updated", "must be an ISO date like 2026-11-20, was '" + value + "'");
        }
        return LocalDate.MIN;
    }

    /** Scalars as text; YAML reads unquoted numbers and booleans as non-strings, which still print sensibly. */
    private static String text(Object value) {
        return value == null || value instanceof Map || value instanceof List ? "" : String.valueOf(value);
    }
}

package dev.triage.rules.internal.pack;

import dev.triage.rules.PackProblem;
import dev.triage.rules.Question;
import dev.triage.rules.internal.CauseInfo;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one pack's rule data and checks it: every problem is collected with its file, line and field, and a pack with
 * any problem is not returned. Within a pack the checks make sure that its words and answers only weigh its own
 * causes; {@link PackSet} checks what packs must not share.
 */
public final class PackReader {
    static final String PROPERTIES = "pack.properties";
    static final String CAUSES = "causes.tsv";
    static final String QUESTIONS = "questions.tsv";
    static final String PHRASES = "phrases.txt";
    static final String SIGNALS = "signals.tsv";
    static final String ANSWERS = "answers.tsv";
    static final String CODES = "codes.tsv";
    static final String STAND_INS = "stand-ins.tsv";
    static final String BASE_RATES = "base-rates.tsv";
    /** The prebuilt rule unit a bundled pack may name for the rules that combine facts. */
    public static final String PREBUILT_UNIT = "DiagnosisUnit";
    private static final Pattern PACK_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern CAUSE_ID = Pattern.compile("[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> SCOPES = Set.of("target", "target-network", "client", "path", "either");
    private static final Set<String> STAGES = Set.of(CauseInfo.ANY_STAGE, CauseInfo.PAST_TCP);
    /** The code kinds the decoder reports (the bot's names for the knowledge module's code tables). */
    private static final Set<String> CODE_KINDS = Set.of("disconnect", "extended", "errinfo", "errconnect", "status",
            "openssl", "guacamole", "unverified", "unknown");
    private static final Set<String> KNOWN_KEYS = Set.of("id", "title", "rule-unit");

    private final PackFiles files;
    private final List<PackProblem> problems = new ArrayList<>();
    private String id = "";
    private final Map<String, CauseInfo> causes = new LinkedHashMap<>();
    private final Map<String, Question> questions = new LinkedHashMap<>();
    private final Map<String, List<String>> askedWhen = new LinkedHashMap<>();
    private final Map<String, List<String>> answeredBy = new LinkedHashMap<>();
    private final Map<String, List<String>> atHand = new LinkedHashMap<>();
    private final Map<String, PhraseFamily> phrases = new LinkedHashMap<>();

    private PackReader(PackFiles files) {
        this.files = files;
    }

    /** The pack, or empty with the problems added to {@code problems}. */
    public static Optional<Pack> read(PackFiles files, List<PackProblem> problems) {
        PackReader reader = new PackReader(files);
        Optional<Pack> pack = reader.read();
        problems.addAll(reader.problems);
        return reader.problems.isEmpty() ? pack : Optional.empty();
    }

    private Optional<Pack> read() {
        Optional<List<String>> header = required(PROPERTIES, "a pack needs at least pack.properties and causes.tsv");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Properties properties = properties(header.get());
        id = required(properties, "id", PACK_ID, "a lower-case id like rdp or printing");
        String title = required(properties, "title", Pattern.compile(".+"), "what the pack diagnoses");
        boolean drl = ruleUnit(properties);
        readCauses();
        readPhrases();
        readQuestions();
        List<FanOut> signals = fanOut(SIGNALS, "signal", this::signalKey);
        List<FanOut> answers = fanOut(ANSWERS, "answer", this::answerKey);
        List<FanOut> codes = fanOut(CODES, "code", this::codeKey);
        List<StandIn> standIns = readStandIns(signals, codes);
        Map<String, Integer> resolved = BaseRateRows.parse(files.where(BASE_RATES),
                files.lines(BASE_RATES, problems).orElse(List.of()), causes.keySet(), problems);
        return Optional.of(new Pack(id, title, drl, List.copyOf(causes.values()), List.copyOf(questions.values()),
                askedWhen, answeredBy, atHand, List.copyOf(phrases.values()), signals, answers, codes, standIns,
                resolved));
    }

    /** A file the pack cannot do without; its absence is a problem (an unreadable one already is). */
    private Optional<List<String>> required(String file, String why) {
        int before = problems.size();
        Optional<List<String>> lines = files.lines(file, problems);
        if (lines.isEmpty() && problems.size() == before) {
            problem(file, 0, "file", "is missing: " + why);
        }
        return lines;
    }

    private Properties properties(List<String> lines) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(String.join("\n", lines)));
        } catch (IOException | IllegalArgumentException e) {
            problem(PROPERTIES, 0, "file", "is not a properties file: " + e.getMessage());
        }
        p.stringPropertyNames().stream().filter(k -> !KNOWN_KEYS.contains(k)).sorted()
                .forEach(k -> problem(PROPERTIES, 0, k, "is not a pack setting; use " + KNOWN_KEYS));
        return p;
    }

    private String required(Properties p, String key, Pattern format, String what) {
        String value = p.getProperty(key, "").strip();
        if (!format.matcher(value).matches()) {
            problem(PROPERTIES, 0, key, value.isEmpty() ? "is required (" + what + ")"
                    : "'" + value + "' is not " + what);
        }
        return value;
    }

    /** Only a bundled pack can bring DRL rules: they are compiled when Triage is built. */
    private boolean ruleUnit(Properties p) {
        String unit = p.getProperty("rule-unit", "").strip();
        if (unit.isEmpty()) {
            return false;
        }
        if (!files.isBundled()) {
            problem(PROPERTIES, 0, "rule-unit", "a pack outside Triage cannot bring DRL rules (they are compiled"
                    + " when Triage is built); say what it needs in signals.tsv and answers.tsv");
        } else if (!unit.equals(PREBUILT_UNIT)) {
            problem(PROPERTIES, 0, "rule-unit", "'" + unit + "' is not a prebuilt rule unit; the only one is "
                    + PREBUILT_UNIT);
        }
        return true;
    }

    private void readCauses() {
        Optional<List<String>> lines = required(CAUSES, "a pack needs at least one cause");
        if (lines.isEmpty()) {
            return;
        }
        for (Tsv.Row row : Tsv.rows(files.where(CAUSES), lines.get(), List.of("cause", "scope", "stage"), 2,
                problems)) {
            String cause = row.cell(0);
            String scope = row.cell(1);
            String stage = row.cell(2).isEmpty() ? CauseInfo.ANY_STAGE : row.cell(2);
            if (!CAUSE_ID.matcher(cause).matches()) {
                problem(CAUSES, row.line(), "cause", "'" + cause + "' is not a cause id like net.dns-wrong");
            } else if (causes.containsKey(cause)) {
                problem(CAUSES, row.line(), "cause", "'" + cause + "' is listed twice");
            } else if (!SCOPES.contains(scope)) {
                problem(CAUSES, row.line(), "scope", "'" + scope + "' is not one of " + new TreeSet<>(SCOPES));
            } else if (!STAGES.contains(stage)) {
                problem(CAUSES, row.line(), "stage", "'" + stage + "' is not one of " + new TreeSet<>(STAGES));
            } else {
                causes.put(cause, new CauseInfo(cause, scope, stage));
            }
        }
        if (causes.isEmpty() && problems.isEmpty()) {
            problem(CAUSES, 0, "file", "lists no cause");
        }
    }

    private void readPhrases() {
        List<String> lines = files.lines(PHRASES, problems).orElse(List.of());
        PhraseLines.parse(id, files.where(PHRASES), lines, problems).forEach(f -> phrases.put(f.signal(), f));
    }

    /**
     * A stand-in and its stronger facts are signals ({@code family id}) or codes this pack weighs
     * ({@code kind code}, as codes.tsv writes them): one fact can reach the text both as a decoded code and as the
     * log message printed beside it.
     */
    private List<StandIn> readStandIns(List<FanOut> signals, List<FanOut> codes) {
        List<String> lines = files.lines(STAND_INS, problems).orElse(List.of());
        Set<String> weighed = new HashSet<>();
        signals.forEach(row -> weighed.add(row.when()));
        codes.forEach(row -> weighed.add(row.when()));
        Set<String> facts = new HashSet<>(phrases.keySet());
        codes.forEach(row -> facts.add(row.when()));
        return StandInRows.parse(id, files.where(STAND_INS), lines, facts, weighed, problems);
    }

    private void readQuestions() {
        List<String> lines = files.lines(QUESTIONS, problems).orElse(List.of());
        List<String> columns = List.of("question", "unknown-share", "text", "options", "asked-when", "answered-by",
                "at-hand");
        for (Tsv.Row row : Tsv.rows(files.where(QUESTIONS), lines, columns, 4, problems)) {
            QuestionRow.parse(row, files.where(QUESTIONS), problems).ifPresent(q -> {
                if (questions.putIfAbsent(q.id(), q) != null) {
                    problem(QUESTIONS, row.line(), "question", "'" + q.id() + "' is listed twice");
                }
                askedWhen.put(q.id(), signals(row, 4, "asked-when"));
                answeredBy.put(q.id(), signals(row, 5, "answered-by"));
                atHand.put(q.id(), signals(row, 6, "at-hand"));
            });
        }
    }

    /** A cell of signals ({@code family id | family id}), each of which must be one of the pack's phrase families. */
    private List<String> signals(Tsv.Row row, int column, String field) {
        List<String> signals = new ArrayList<>();
        for (String signal : row.cell(column).isEmpty() ? new String[0] : row.cell(column).split("\\|")) {
            String key = signal.strip();
            if (!phrases.containsKey(key)) {
                problem(QUESTIONS, row.line(), field, "'" + key + "' is not a signal of this pack's "
                        + PHRASES + " (write 'family id', e.g. 'text printer-offline')");
            }
            signals.add(key);
        }
        return signals;
    }

    private interface Key {
        /** The row's {@code when} key, or null after adding a problem. */
        String of(Tsv.Row row, String file);
    }

    private List<FanOut> fanOut(String file, String what, Key key) {
        List<String> lines = files.lines(file, problems).orElse(List.of());
        String first = switch (what) {
            case "signal" -> "family";
            case "code" -> "kind";
            default -> "question";
        };
        List<String> columns = List.of(first, what, "cause", "weight", "effect", "rule", "why");
        List<FanOut> rows = new ArrayList<>();
        for (Tsv.Row row : Tsv.rows(files.where(file), lines, columns, 5, problems)) {
            String when = key.of(row, file);
            String cause = row.cell(2);
            Integer weight = weight(row, file);
            String effect = row.cell(4);
            if (!causes.containsKey(cause)) {
                problem(file, row.line(), "cause", "'" + cause + "' is not a cause of pack '" + id + "' (a pack's "
                        + "words and answers only weigh its own causes; list it in " + CAUSES + ")");
            }
            if (!effect.equals("support") && !effect.equals("lift")) {
                problem(file, row.line(), "effect", "'" + effect + "' is not support or lift");
            }
            String rule = row.cell(5).isEmpty()
                    ? id + ": " + row.cell(0) + " " + row.cell(1) + " -> " + cause : row.cell(5);
            if (row.cells().size() > 6 && row.cell(6).isEmpty()) {
                problem(file, row.line(), "why", "is empty: say why the weight holds (and its source), or leave the"
                        + " column out");
            }
            if (when != null && weight != null && causes.containsKey(cause)) {
                rows.add(new FanOut(id, when, cause, weight, effect.equals("lift"), rule, row.cell(6)));
            }
        }
        return rows;
    }

    private Integer weight(Tsv.Row row, String file) {
        try {
            int weight = Integer.parseInt(row.cell(3));
            if (weight != 0 && Math.abs(weight) <= 100) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(file, row.line(), "weight", "'" + row.cell(3) + "' is not a whole number from -100 to 100 other than 0");
        return null;
    }

    private String signalKey(Tsv.Row row, String file) {
        String key = row.cell(0) + " " + row.cell(1);
        if (!phrases.containsKey(key)) {
            problem(file, row.line(), "signal", "'" + key + "' is not a signal of this pack's " + PHRASES);
            return null;
        }
        if (phrases.get(key).context()) {
            problem(file, row.line(), "signal", "'" + key + "' is a context family: it raises no signal to weigh");
            return null;
        }
        return key;
    }

    private String codeKey(Tsv.Row row, String file) {
        if (!CODE_KINDS.contains(row.cell(0))) {
            problem(file, row.line(), "kind", "'" + row.cell(0) + "' is not one of " + new TreeSet<>(CODE_KINDS));
            return null;
        }
        if (row.cell(1).isEmpty()) {
            problem(file, row.line(), "code", "is empty");
            return null;
        }
        return row.cell(0) + " " + row.cell(1);
    }

    private String answerKey(Tsv.Row row, String file) {
        Question q = questions.get(row.cell(0));
        if (q == null) {
            problem(file, row.line(), "question", "'" + row.cell(0) + "' is not a question of this pack's "
                    + QUESTIONS);
            return null;
        }
        String answer = row.cell(1);
        if (q.options().stream().noneMatch(o -> o.value().equals(answer))) {
            problem(file, row.line(), "answer", "'" + answer + "' is not an option of question " + q.id());
            return null;
        }
        if (answer.equals(Question.DONT_KNOW)) {
            problem(file, row.line(), "answer", "'" + Question.DONT_KNOW + "' changes no cause");
            return null;
        }
        return q.id() + "=" + answer;
    }

    private void problem(String file, int line, String field, String message) {
        problems.add(new PackProblem(files.where(file), line, field, message));
    }

    /** Lower-case words joined by hyphens, the form of question ids and answer values. */
    static boolean kebab(String s) {
        return KEBAB.matcher(s).matches();
    }
}

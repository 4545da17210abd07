package dev.triage.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.eval.ArticleFit;
import dev.triage.bot.eval.CalibrationFit;
import dev.triage.bot.eval.CrossValidation;
import dev.triage.bot.eval.DialogueEvaluation;
import dev.triage.bot.eval.EvalCase;
import dev.triage.bot.eval.Evaluation;
import dev.triage.bot.eval.Ranked;
import dev.triage.bot.eval.RecordedPredictions;
import dev.triage.rules.Question;
import dev.triage.rules.Softmax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code triage eval [--dialogue] [--questions N] [--fit] FILE.jsonl}: top-1 and top-3 accuracy and calibration
 * against labelled cases, from their text alone or, with {@code --dialogue}, after Triage asked up to N questions
 * (default 3) that the user answered from the case's {@code answers} or with "don't know". {@code --fit} also prints
 * the calibration constants that fit these cases best; with {@code --records RECORDED.jsonl}, also the first cause's
 * constants whose level is fitted on recorded first measurements of held-out halves, the only cases the rules were not
 * tuned on ({@link RecordedPredictions}), which {@code --record [--fold NAME]} prints for a held-out half when it is
 * measured. {@code triage eval --fit-articles FILE.jsonl...} fits the
 * knowledge articles' weight in the ranking by leave-one-file-out cross-validation ({@link ArticleFit}); {@code --cv
 * FILE...} measures calibration out of sample instead: leave one file out, fit on the others, state the confidences
 * on it, pool ({@link CrossValidation}). {@code --base-rates FILE...} prints how many cases of the files had each
 * cause, as a pack's {@code base-rates.tsv} (give it the development files only, never a held-out half not yet
 * measured).
 */
final class EvalCommand {
    static final int DEFAULT_QUESTIONS = 3;

    private final Io io;
    private final ConfigLoader configLoader;

    EvalCommand(Io io, ConfigLoader configLoader) {
        this.io = io;
        this.configLoader = configLoader;
    }

    Exit run(List<String> rest) {
        Args args = Args.parse(rest, Set.of("questions", "fold", "records"),
                Set.of("dialogue", "fit", "fit-articles", "cv", "record", "base-rates"));
        if (args.flag("base-rates")) {
            return baseRates(args.positionals());
        }
        if (args.flag("fit-articles")) {
            return fitArticles(args.positionals());
        }
        if (args.flag("cv")) {
            return crossValidate(args.positionals());
        }
        if (args.positionals().size() != 1) {
            throw new UsageException("eval needs exactly one FILE.jsonl");
        }
        int questions = questions(args);
        try (BotApplication app = BotApplication.create(configLoader.load())) {
            List<EvalCase> cases = cases(app, Path.of(args.positionals().get(0)));
            Evaluation scored;
            if (args.flag("record")) {
                return record(app, cases, args.option("fold").orElse(args.positionals().get(0)));
            }
            if (args.flag("dialogue")) {
                DialogueEvaluation dialogue = DialogueEvaluation.run(cases, questions, app.engine()::reply,
                        app.engine()::answeredByText);
                io.out().print(dialogue.report());
                scored = dialogue.before();
            } else {
                scored = Evaluation.run(cases, c -> Ranked.of(app.engine().reply(textOnly(c))));
                io.out().print(scored.report());
            }
            if (args.flag("fit")) {
                int causes = app.engine().diagnoser().causeIds().size();
                Softmax now = app.engine().diagnoser().softmax();
                io.out().println("now:    " + CalibrationFit.at(scored.results(), causes, now).report());
                io.out().println("fitted on these alone, T and S0 held: " + CalibrationFit.fitLead(scored.results(), causes, now)
                        .report());
                io.out().println("fitted, all five:      " + CalibrationFit.fit(scored.results(), causes).report());
                Optional<String> records = args.option("records");
                if (records.isPresent()) {
                    fitWithRecords(app, scored.results(), Path.of(records.get()));
                }
            }
            return Exit.OK;
        }
    }

    /**
     * Prints the text-only ranking of every case as a record line ({@link RecordedPredictions}): run it on a held-out
     * half the one time it is measured, and append the lines to the records the first cause's constants are fitted on.
     */
    private Exit record(BotApplication app, List<EvalCase> cases, String fold) {
        RecordedPredictions records = new RecordedPredictions(app.json());
        Evaluation.run(cases, c -> Ranked.of(app.engine().reply(textOnly(c)))).results()
                .forEach(r -> io.out().println(records.line(fold, r)));
        return Exit.OK;
    }

    /**
     * How the shipped constants fare on recorded first measurements ({@link RecordedPredictions}), the first cause's
     * constants refitted on them with the development results beside them, and leave-one-recorded-half-out: fitted
     * without one half (the development results always in), stated on it, pooled.
     */
    private void fitWithRecords(BotApplication app, List<Evaluation.Result> development, Path recordsFile) {
        Map<String, List<Evaluation.Result>> byFold;
        try {
            byFold = new RecordedPredictions(app.json()).read(recordsFile);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int causes = app.engine().diagnoser().causeIds().size();
        Softmax now = app.engine().diagnoser().softmax();
        List<Evaluation.Result> unseen = byFold.values().stream().flatMap(List::stream).toList();
        io.out().println("\nrecorded first measurements: " + unseen.size() + " cases in " + byFold.size()
                + " held-out halves");
        io.out().println("now:    " + CalibrationFit.at(unseen, causes, now).report());
        io.out().print(CrossValidation.restate(unseen, now).reliability().report());
        io.out().println("fitted, level from the recorded, T and S0 held: "
                + CalibrationFit.fitLead(development, unseen, causes, now).report());
        io.out().println("\nout of sample, one recorded half left out (the development cases always fitted on):");
        io.out().print(CrossValidation.leaveOneFileOut(byFold, causes,
                training -> CalibrationFit.fitLead(development, training, causes, now).softmax()).report());
    }

    /** The labels' counts per cause, as rows of a pack's base-rates.tsv, most common first. */
    private Exit baseRates(List<String> files) {
        if (files.isEmpty()) {
            throw new UsageException("eval --base-rates needs the development FILE.jsonl files");
        }
        try (BotApplication app = BotApplication.create(configLoader.load())) {
            Map<String, Integer> resolved = new TreeMap<>();
            files.forEach(file -> cases(app, Path.of(file)).forEach(c -> resolved.merge(c.cause(), 1, Integer::sum)));
            int total = resolved.values().stream().mapToInt(Integer::intValue).sum();
            io.out().println("# " + total + " resolved cases in " + files.size() + " files");
            io.out().println("# cause\tresolved");
            resolved.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> io.out().println(e.getKey() + "\t" + e.getValue()));
            return Exit.OK;
        }
    }

    /** Each file is one fold of the articles' cross-validation (see {@link ArticleFit}). */
    private Exit fitArticles(List<String> files) {
        if (files.size() < 2) {
            throw new UsageException("eval --fit-articles needs two or more FILE.jsonl, one per fold");
        }
        try (BotApplication app = BotApplication.create(configLoader.load())) {
            Map<String, List<EvalCase>> folds = new LinkedHashMap<>();
            files.forEach(file -> folds.put(Path.of(file).getFileName().toString(), cases(app, Path.of(file))));
            io.out().print(ArticleFit.of(folds, app.engine()).report());
            return Exit.OK;
        }
    }

    /** Text-only results per file, then the leave-one-file-out calibration over them. */
    private Exit crossValidate(List<String> files) {
        if (files.size() < 2) {
            throw new UsageException("eval --cv needs two or more FILE.jsonl, one per separately collected batch");
        }
        try (BotApplication app = BotApplication.create(configLoader.load())) {
            Map<String, List<Evaluation.Result>> byFile = new LinkedHashMap<>();
            for (String file : files) {
                Evaluation scored = Evaluation.run(cases(app, Path.of(file)),
                        c -> Ranked.of(app.engine().reply(textOnly(c))));
                if (byFile.put(Path.of(file).getFileName().toString(), scored.results()) != null) {
                    throw new UsageException("eval --cv: " + file + " is given twice (or two files share its name)");
                }
            }
            int causes = app.engine().diagnoser().causeIds().size();
            Softmax now = app.engine().diagnoser().softmax();
            List<Evaluation.Result> all = byFile.values().stream().flatMap(List::stream).toList();
            io.out().println("in sample, the constants now: " + CalibrationFit.at(all, causes, now).report());
            io.out().print(Evaluation.of(all).reliability().report());
            io.out().println("\nout of sample, lead constants refitted per fold, T and S0 held (what ships):");
            io.out().print(CrossValidation.leaveOneFileOut(byFile, causes,
                    training -> CalibrationFit.fitLead(training, causes, now).softmax()).report());
            io.out().println("\nout of sample, all five constants refitted per fold:");
            io.out().print(CrossValidation.leaveOneFileOut(byFile, causes,
                    training -> CalibrationFit.fit(training, causes).softmax()).report());
            return Exit.OK;
        }
    }

    private static int questions(Args args) {
        Optional<String> n = args.option("questions");
        try {
            int value = n.map(Integer::parseInt).orElse(DEFAULT_QUESTIONS);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--questions needs a whole number >= 0, not " + n.orElse(""));
        }
    }

    private static CaseState textOnly(EvalCase c) {
        return new CaseState(List.of(c.text()), Map.of(), Optional.empty(), List.of());
    }

    private static List<EvalCase> cases(BotApplication app, Path file) {
        List<EvalCase> cases = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file, app.json())) {
            if (!line.ok() || line.text() == null || !line.node().path("cause").isTextual()) {
                throw new UsageException("line " + line.number() + ": an eval case needs 'id', 'user_text' (or"
                        + " 'text') and 'cause'");
            }
            cases.add(new EvalCase(line.id(), line.text(), line.node().get("cause").asText(),
                    answers(app, line)));
        }
        return cases;
    }

    /** The case's {@code answers} object, each checked against the question catalog. */
    private static Map<String, String> answers(BotApplication app, JsonLines.Line line) {
        Map<String, String> answers = new LinkedHashMap<>();
        JsonNode node = line.node().path("answers");
        node.fields().forEachRemaining(e -> {
            String value = e.getValue().asText();
            Optional<Question> q = app.engine().diagnoser().question(e.getKey());
            if (q.isEmpty() || q.get().options().stream().noneMatch(o -> o.value().equals(value))) {
                throw new UsageException("line " + line.number() + ": answers." + e.getKey() + " = '" + value
                        + "' is not a question and one of its options");
            }
            answers.put(e.getKey(), value);
        });
        return answers;
    }
}

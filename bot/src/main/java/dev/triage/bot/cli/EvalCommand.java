package dev.triage.bot.cli;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.eval.Evaluation;
import dev.triage.bot.eval.EvalCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code triage eval FILE.jsonl}: top-1 and top-3 accuracy against labelled cases, from their text alone. */
final class EvalCommand {
    private final Io io;
    private final ConfigLoader configLoader;

    EvalCommand(Io io, ConfigLoader configLoader) {
        this.io = io;
        this.configLoader = configLoader;
    }

    Exit run(List<String> rest) {
        Args args = Args.parse(rest, Set.of(), Set.of());
        if (args.positionals().size() != 1) {
            throw new UsageException("eval needs exactly one FILE.jsonl");
        }
        try (BotApplication app = BotApplication.create(configLoader.load())) {
            List<EvalCase> cases = new ArrayList<>();
            for (JsonLines.Line line : JsonLines.read(Path.of(args.positionals().get(0)), app.json())) {
                if (!line.ok() || line.text() == null || !line.node().path("cause").isTextual()) {
                    throw new UsageException("line " + line.number() + ": an eval case needs 'id', 'user_text' (or"
                            + " 'text') and 'cause'");
                }
                cases.add(new EvalCase(line.id(), line.text(), line.node().get("cause").asText()));
            }
            Evaluation evaluation = Evaluation.run(cases, text -> rankedCauses(app, text));
            io.out().print(evaluation.report());
            return Exit.OK;
        }
    }

    private static List<String> rankedCauses(BotApplication app, String text) {
        return app.engine().reply(new dev.triage.bot.conversation.CaseState(List.of(text), java.util.Map.of(),
                java.util.Optional.empty(), List.of())).causes().stream().map(Reply.Cause::id).toList();
    }
}

package dev.triage.bot.cli;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Conversations;
import dev.triage.bot.conversation.ProbeGateway;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.bot.render.JsonView;
import dev.triage.bot.render.TextView;
import dev.triage.knowledge.DecodedCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code triage diagnose}: one paste in, the decoded codes, ranked causes, fixes and the next question out. */
final class DiagnoseCommand {
    private final Io io;
    private final ConfigLoader configLoader;

    DiagnoseCommand(Io io, ConfigLoader configLoader) {
        this.io = io;
        this.configLoader = configLoader;
    }

    Exit run(List<String> rest) {
        Args args = Args.parse(rest, Set.of("answer", "host", "allow"), Set.of("json", "no-probes"));
        if (args.positionals().isEmpty()) {
            throw new UsageException("diagnose needs the error text, or - to read it from standard input");
        }
        Map<String, String> answers = answers(args.options("answer"));
        Optional<String> host = args.option("host");
        boolean probe = !args.flag("no-probes");
        BotConfig config = CliProbes.withAllow(configLoader.load(), args.options("allow"));
        String text = io.paste(args.positionals());
        try (BotApplication app = BotApplication.create(config)) {
            ProbeGateway gateway = probe ? CliProbes.gateway(app) : ProbeGateway.OFF;
            Conversations conversations = app.statelessConversations(gateway);
            for (Map.Entry<String, String> answer : answers.entrySet()) {
                Optional<String> problem = conversations.answerProblem(answer.getKey(), answer.getValue());
                if (problem.isPresent()) {
                    throw new UsageException("--answer " + answer.getKey() + "=" + answer.getValue() + ": "
                            + problem.get());
                }
            }
            TurnOutcome outcome = conversations.oneShot(text, answers, host, probe, Identity.cli());
            return print(app, outcome, args.flag("json"));
        }
    }

    private Exit print(BotApplication app, TurnOutcome outcome, boolean json) {
        if (outcome instanceof TurnOutcome.Rejected r) {
            io.err().println("triage: " + r.message());
            return Exit.BAD_INPUT;
        }
        if (!(outcome instanceof TurnOutcome.Replied r)) {
            throw new IllegalStateException("a one-shot diagnosis has no case: " + outcome);
        }
        io.out().print(json ? new JsonView(app.json()).render(r.reply()).toPrettyString() + "\n"
                : new TextView().render(r.reply()));
        return onlyUnknownCodes(r.reply()) ? Exit.UNKNOWN_CODES : Exit.OK;
    }

    private static boolean onlyUnknownCodes(Reply reply) {
        return !reply.codes().isEmpty() && reply.codes().stream().noneMatch(DecodedCode::known);
    }

    /** Parses repeated {@code --answer ID=VALUE}. */
    static Map<String, String> answers(List<String> raw) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String answer : raw) {
            int eq = answer.indexOf('=');
            if (eq <= 0 || eq == answer.length() - 1) {
                throw new UsageException("--answer takes ID=VALUE, e.g. --answer environment=azure; got '"
                        + answer + "'");
            }
            answers.put(answer.substring(0, eq).strip(), answer.substring(eq + 1).strip());
        }
        return answers;
    }
}

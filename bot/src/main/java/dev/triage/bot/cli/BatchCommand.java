package dev.triage.bot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Conversations;
import dev.triage.bot.conversation.ProbeGateway;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.bot.render.JsonView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code triage batch FILE.jsonl}: one JSON result per input line, carrying the line's id. */
final class BatchCommand {
    private final Io io;
    private final ConfigLoader configLoader;

    BatchCommand(Io io, ConfigLoader configLoader) {
        this.io = io;
        this.configLoader = configLoader;
    }

    Exit run(List<String> rest) {
        Args args = Args.parse(rest, Set.of("allow"), Set.of("no-probes"));
        if (args.positionals().size() != 1) {
            throw new UsageException("batch needs exactly one FILE.jsonl");
        }
        boolean probe = !args.flag("no-probes");
        try (BotApplication app = BotApplication.create(
                CliProbes.withAllow(configLoader.load(), args.options("allow")))) {
            List<JsonLines.Line> lines = JsonLines.read(Path.of(args.positionals().get(0)), app.json());
            Conversations conversations =
                    app.statelessConversations(probe ? CliProbes.gateway(app) : ProbeGateway.OFF);
            JsonView view = new JsonView(app.json());
            int failed = 0;
            for (JsonLines.Line line : lines) {
                ObjectNode result = result(line, conversations, view, app, probe);
                failed += result.has("error") ? 1 : 0;
                io.out().println(result.toString());
            }
            io.err().printf("triage: %d lines, %d diagnosed, %d failed%n", lines.size(), lines.size() - failed,
                    failed);
            return failed == 0 ? Exit.OK : Exit.FAILED;
        }
    }

    private static ObjectNode result(
            JsonLines.Line line, Conversations conversations, JsonView view, BotApplication app, boolean probe) {
        ObjectNode error = app.json().createObjectNode().put("id", line.id());
        if (!line.ok()) {
            return error.put("error", line.error());
        }
        if (line.text() == null) {
            return error.put("error", "line " + line.number() + " has no 'text' (or 'user_text') string");
        }
        TurnOutcome outcome = conversations.oneShot(line.text(), Map.of(), Optional.empty(), probe, Identity.cli());
        if (outcome instanceof TurnOutcome.Replied r) {
            ObjectNode out = app.json().createObjectNode().put("id", line.id());
            out.setAll(view.render(r.reply()));
            return out;
        }
        return error.put("error", outcome instanceof TurnOutcome.Rejected r ? r.message() : "internal: no case");
    }
}

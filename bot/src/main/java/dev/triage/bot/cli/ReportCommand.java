package dev.triage.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.backlog.BacklogRow;
import dev.triage.bot.backlog.BacklogSummary;
import dev.triage.bot.backlog.BacklogTriage;
import dev.triage.bot.backlog.Skipped;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.conversation.ProbeGateway;
import dev.triage.bot.render.BacklogPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code triage report FILE [-o report.html]}: the backlog report, one self-contained HTML page. FILE is what
 * {@code batch} writes as JSON lines (read as it is, nothing is diagnosed again), or anything {@code batch} reads (a
 * CSV export or JSON lines with text), which is diagnosed first, without probes: a report never touches the network.
 */
final class ReportCommand {
    private final Io io;
    private final ConfigLoader configLoader;

    ReportCommand(Io io, ConfigLoader configLoader) {
        this.io = io;
        this.configLoader = configLoader;
    }

    Exit run(List<String> rest) {
        // -o is the one short option of the command line: the usual spelling for an output file.
        List<String> spelled = rest.stream().map(a -> a.equals("-o") ? "--output" : a).toList();
        Args args = Args.parse(spelled, Set.of("output", "text-column", "id-column"), Set.of());
        if (args.positionals().size() != 1) {
            throw new UsageException(
                    "report needs exactly one FILE (batch's JSON output, a CSV export or JSON lines)");
        }
        Optional<String> output = args.option("output");
        String name = args.positionals().get(0);
        ObjectMapper json = new ObjectMapper();
        BacklogSummary summary = batchOutput(Path.of(name), json).orElseGet(() -> diagnosed(name, args));
        String html = new BacklogPage().render(summary, Path.of(name).getFileName().toString(), Instant.now());
        if (output.isEmpty()) {
            io.out().print(html);
        } else {
            write(Path.of(output.get()), html);
            io.err().printf("triage: wrote %s: %d tickets, %d leading causes, hosts in several tickets: %d%n",
                    output.get(), summary.rows().size(), summary.causes().size(), summary.hosts().size());
        }
        return Exit.OK;
    }

    /** The rows of batch's JSON output, when FILE is that; empty for any other file. */
    private static Optional<BacklogSummary> batchOutput(Path path, ObjectMapper json) {
        if (!BacklogFile.looksLikeJsonLines(BacklogFile.bytes(path))) {
            return Optional.empty();
        }
        List<JsonLines.Line> lines = JsonLines.read(path, json);
        boolean results = lines.stream().filter(JsonLines.Line::ok).findFirst()
                .flatMap(l -> BacklogRow.fromJson(l.node(), l.number())).isPresent();
        if (!results) {
            return Optional.empty();
        }
        List<BacklogRow> rows = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (JsonLines.Line line : lines) {
            Optional<BacklogRow> row = line.ok() ? BacklogRow.fromJson(line.node(), line.number()) : Optional.empty();
            row.ifPresentOrElse(rows::add, () -> skipped.add(new Skipped(line.number(), "not a batch result")));
        }
        return Optional.of(BacklogSummary.of(rows, skipped));
    }

    private BacklogSummary diagnosed(String name, Args args) {
        try (BotApplication app = BotApplication.create(configLoader.load())) {
            BacklogFile file = BacklogFile.read(name, args, app.json());
            BacklogTriage triage = new BacklogTriage(app.statelessConversations(ProbeGateway.OFF), false,
                    Runtime.getRuntime().availableProcessors(), false);
            List<BacklogRow> rows = new ArrayList<>();
            triage.run(file.input().tickets(), d -> rows.add(BacklogRow.of(d)), BacklogTriage.Progress.NONE);
            file.input().skipped().forEach(s -> io.err().println("triage: " + s.message() + " (skipped)"));
            return BacklogSummary.of(rows, file.input().skipped());
        }
    }

    private static void write(Path path, String html) {
        try {
            Files.writeString(path, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + path + ": " + e.getMessage());
        }
    }
}

package dev.triage.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.BotApplication;
import dev.triage.bot.backlog.BacklogInput;
import dev.triage.bot.backlog.BacklogRow;
import dev.triage.bot.backlog.BacklogTriage;
import dev.triage.bot.backlog.CsvOut;
import dev.triage.bot.backlog.Diagnosed;
import dev.triage.bot.backlog.Skipped;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.conversation.Conversations;
import dev.triage.bot.conversation.ProbeGateway;
import dev.triage.bot.render.JsonView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code triage batch FILE}: diagnoses a ticket backlog, a CSV export or JSON lines, on every core. Writes one result
 * per ticket in input order, as JSON lines or CSV; rows that cannot be read are reported with their line and
 * skipped; a summary line ends the run.
 */
final class BatchCommand {
    /** Rows skipped or notes shown one by one; the rest are counted. */
    private static final int SHOWN = 50;

    private final Io io;
    private final ConfigLoader configLoader;
    private final Map<String, String> env;

    BatchCommand(Io io, ConfigLoader configLoader, Map<String, String> env) {
        this.io = io;
        this.configLoader = configLoader;
        this.env = env;
    }

    Exit run(List<String> rest) {
        Args args = Args.parse(rest, Set.of("allow", "text-column", "id-column", "format", "threads"),
                Set.of("no-probes"));
        if (args.positionals().size() != 1) {
            throw new UsageException("batch needs exactly one FILE (a CSV export or JSON lines)");
        }
        String format = args.option("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new UsageException("--format is json or csv, not '" + format + "'");
        }
        boolean probe = !args.flag("no-probes");
        try (BotApplication app = BotApplication.create(
                CliProbes.withAllow(configLoader.load(), args.options("allow")))) {
            BacklogFile file = BacklogFile.read(args.positionals().get(0), args, app.json());
            report(file.input());
            Conversations conversations =
                    app.statelessConversations(probe ? CliProbes.gateway(app) : ProbeGateway.OFF);
            // Only JSON lines in and JSON out writes the full diagnosis, questions included; a row shows none.
            boolean questions = format.equals("json") && file.jsonLines();
            BacklogTriage triage = new BacklogTriage(conversations, probe, threads(args), questions);
            Counts counts = new Counts();
            ProgressMeter meter = new ProgressMeter(io.err(), "1".equals(env.get("TRIAGE_STDERR_TTY")),
                    System::nanoTime);
            long started = System.nanoTime();
            triage.run(file.input().tickets(), writer(format, file.jsonLines(), app.json(), counts), meter);
            meter.finish();
            summary(file.input(), counts, triage, System.nanoTime() - started);
            return counts.failed == 0 && file.input().skipped().isEmpty() ? Exit.OK : Exit.FAILED;
        }
    }

    private Consumer<Diagnosed> writer(String format, boolean jsonLines, ObjectMapper json, Counts counts) {
        if (format.equals("csv")) {
            io.out().print(CsvOut.HEADER);
        }
        JsonView full = new JsonView(json);
        return diagnosed -> {
            counts.count(diagnosed);
            BacklogRow row = BacklogRow.of(diagnosed);
            if (format.equals("csv")) {
                io.out().print(CsvOut.row(row));
            } else if (jsonLines && diagnosed.reply().isPresent()) {
                // JSON lines in, the full diagnosis out, as batch always wrote (DESIGN.md's contract).
                ObjectNode out = json.createObjectNode().put("id", row.id());
                io.out().println(out.setAll(full.render(diagnosed.reply().get())).toString());
            } else {
                io.out().println(row.json(json).toString());
            }
        };
    }

    private void report(BacklogInput input) {
        input.notes().stream().limit(SHOWN).forEach(n -> io.err().println("triage: " + n));
        input.skipped().stream().limit(SHOWN).forEach(s -> io.err().println("triage: " + s.message() + " (skipped)"));
        int more = Math.max(0, input.skipped().size() - SHOWN) + Math.max(0, input.notes().size() - SHOWN);
        if (more > 0) {
            io.err().println("triage: … and " + more + " more such lines");
        }
    }

    private void summary(BacklogInput input, Counts counts, BacklogTriage triage, long nanos) {
        double seconds = nanos / 1e9;
        List<Integer> lines = input.skipped().stream().map(Skipped::line).limit(10).toList();
        int count = input.skipped().size();
        String skipped = count == 0 ? "0 rows skipped" : count + (count == 1 ? " row" : " rows") + " skipped (line "
                + String.join(", ", lines.stream().map(String::valueOf).toList())
                + (input.skipped().size() > lines.size() ? ", …" : "") + ")";
        io.err().printf(Locale.ROOT, "triage: %d tickets (%s), %d diagnosed, %d failed, %s; %.1f s, %,.0f tickets/s,"
                        + " %d distinct texts (diagnosis p50 %.2f ms, p99 %.2f ms)%n", counts.tickets, input.system(),
                counts.tickets - counts.failed, counts.failed, skipped, seconds,
                counts.tickets / Math.max(seconds, 1e-9), triage.distinctTexts(), triage.diagnosisMillis(50),
                triage.diagnosisMillis(99));
    }

    private static int threads(Args args) {
        String value = args.option("threads").orElse(String.valueOf(Runtime.getRuntime().availableProcessors()));
        try {
            int threads = Integer.parseInt(value);
            if (threads >= 1 && threads <= 256) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UsageException("--threads is a number from 1 to 256, not '" + value + "'");
    }

    /** Tickets written and how many of them failed; touched only by the writing thread. */
    private static final class Counts {
        int tickets;
        int failed;

        void count(Diagnosed diagnosed) {
            tickets++;
            failed += diagnosed.error().isPresent() ? 1 : 0;
        }
    }
}

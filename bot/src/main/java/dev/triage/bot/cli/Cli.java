package dev.triage.bot.cli;

import dev.triage.bot.BotException;
import dev.triage.bot.config.ConfigException;
import dev.triage.bot.store.DatabaseInUseException;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.knowledge.KnowledgeException;
import dev.triage.rules.RulesException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The {@code ./triage} command line: parses the command, runs it, maps every failure to a message and exit code. */
public final class Cli {
    static final String USAGE = """
            Usage: triage COMMAND ...
              serve    [--port N] [--data DIR]                     web chat and REST API (default http://localhost:8080)
              diagnose [--json] [--answer ID=VALUE]... [--host HOST[:PORT]] [--allow CIDR|SUFFIX]... [--no-probes] TEXT|-
              batch    [--no-probes] [--format json|csv] [--text-column NAME]... [--id-column NAME]
                       [--threads N] FILE                          a backlog: a CSV export (Jira, ServiceNow,
                                                                   Zendesk) or JSON lines; one result per ticket
              report   FILE [-o report.html]                       the backlog report, one self-contained HTML page
              probe    [--json] [--allow CIDR|SUFFIX]... [--timeout D] HOST[:PORT]
              kb search QUERY                                      search the knowledge base
              kb check [DIR]                                       validate articles (default: the bundled packs)
              eval     [--dialogue] [--questions N] [--fit] FILE.jsonl  top-1/top-3 and calibration on labelled cases
              eval     --fit --records RECORDED.jsonl FILE.jsonl   refit the stated confidence, level from unseen cases
              eval     --record [--fold NAME] FILE.jsonl           print the rankings as records, for a held-out half
              eval     --fit-articles FILE.jsonl...                 fit the articles' weight, one file per fold
              eval     --cv FILE.jsonl FILE.jsonl...               calibration out of sample, leaving one file out
              eval     --base-rates FILE.jsonl...                  count each cause's cases, as a pack's base-rates.tsv
              ticket   CASE [--to jira|servicenow|webhook] [--key KEY] send a case to a ticket system
              discord  register [--guild ID]                       install the /triage command in Discord
            Exit codes: 0 done, 1 failed, 2 bad command line or input, 3 only unknown error codes.
            """;

    // The database is private to one process (no H2 server, no port), so the command line cannot write its probe
    // audit beside a running server; it says so and how to get the probe done instead.
    static final String IN_USE_ADVICE = """
            Only one process at a time can open it, and probing needs it for the probe audit. Probe through the \
            running server instead (POST /api/diagnose with a "host"), stop it first, or diagnose with --no-probes. \
            A second server needs its own --data folder.""";

    private final Io io;
    private final Map<String, String> env;

    public Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.io = new Io(in, out, err);
        this.env = env;
    }

    public int run(String... args) {
        try {
            return dispatch(Arrays.asList(args)).code;
        } catch (UsageException e) {
            io.err().println("triage: " + e.getMessage());
            io.err().println("Run 'triage help' for usage.");
            return Exit.BAD_INPUT.code;
        } catch (ConfigException e) {
            io.err().println("triage: configuration: " + e.getMessage());
            return Exit.BAD_INPUT.code;
        } catch (KnowledgeException e) {
            io.err().println("triage: the knowledge base cannot be loaded: " + e.getMessage());
            return Exit.FAILED.code;
        } catch (RulesException e) {
            io.err().println("triage: the knowledge packs cannot be loaded: " + e.getMessage());
            return Exit.FAILED.code;
        } catch (DatabaseInUseException e) {
            io.err().println("triage: " + e.getMessage() + ".");
            io.err().println(IN_USE_ADVICE);
            return Exit.FAILED.code;
        } catch (BotException e) {
            io.err().println("triage: " + e.getMessage());
            return Exit.FAILED.code;
        }
    }

    private Exit dispatch(List<String> args) {
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
            io.out().print(USAGE);
            return args.isEmpty() ? Exit.BAD_INPUT : Exit.OK;
        }
        List<String> rest = args.subList(1, args.size());
        ConfigLoader config = new ConfigLoader(env);
        return switch (args.get(0)) {
            case "serve" -> new ServeCommand(io, config).run(rest);
            case "diagnose" -> new DiagnoseCommand(io, config).run(rest);
            case "batch" -> new BatchCommand(io, config, env).run(rest);
            case "probe" -> new ProbeCommand(io, config).run(rest);
            case "kb" -> new KbCommand(io).run(rest);
            case "eval" -> new EvalCommand(io, config).run(rest);
            case "ticket" -> new TicketCommand(io, config).run(rest);
            case "report" -> new ReportCommand(io, config).run(rest);
            case "discord" -> new DiscordCommand(io, config).run(rest);
            default -> throw new UsageException("unknown command '" + args.get(0) + "'");
        };
    }
}

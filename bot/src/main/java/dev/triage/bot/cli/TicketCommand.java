package dev.triage.bot.cli;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.render.Untrusted;
import dev.triage.bot.store.DatabaseInUseException;
import dev.triage.bot.tickets.TicketOutcome;
import java.util.List;
import java.util.Set;

/** {@code triage ticket CASE [--to jira|servicenow|webhook] [--key KEY]}: sends a stored case to a ticket system. */
final class TicketCommand {
    // The case lives in the database, which only one process can open; the running server can send it instead.
    static final String IN_USE_ADVICE = """
            Only one process at a time can open it. Send the case through the running server instead \
            (POST /api/cases/CASE/tickets, or the "Send to ticket" button in the web chat), or stop the server first.""";

    private final Io io;
    private final ConfigLoader configLoader;

    TicketCommand(Io io, ConfigLoader configLoader) {
        this.io = io;
        this.configLoader = configLoader;
    }

    Exit run(List<String> rest) {
        Args args = Args.parse(rest, Set.of("to", "key"), Set.of());
        if (args.positionals().size() != 1) {
            throw new UsageException("ticket needs exactly one CASE id");
        }
        String caseId = args.positionals().get(0);
        try (BotApplication app = BotApplication.create(configLoader.load())) {
            TicketOutcome outcome = app.tickets().send(caseId, args.option("to"), args.option("key"));
            return report(caseId, outcome);
        } catch (DatabaseInUseException e) {
            io.err().println("triage: " + e.getMessage() + ".");
            io.err().println(IN_USE_ADVICE);
            return Exit.FAILED;
        }
    }

    private Exit report(String caseId, TicketOutcome outcome) {
        if (outcome instanceof TicketOutcome.Sent sent) {
            io.out().println((sent.action() == TicketOutcome.Action.CREATED ? "Created " : "Commented on ")
                    + sent.link().to() + " " + sent.link().key() + ": " + sent.link().url());
            return Exit.OK;
        }
        if (outcome instanceof TicketOutcome.Rejected rejected) {
            io.err().println("triage: " + rejected.message());
            return Exit.BAD_INPUT;
        }
        if (outcome instanceof TicketOutcome.Failed failed) {
            io.err().println("triage: " + failed.message() + ". The case is unchanged.");
            return Exit.FAILED;
        }
        io.err().println("triage: there is no case " + Untrusted.oneLine(caseId) + ".");
        return Exit.BAD_INPUT;
    }
}

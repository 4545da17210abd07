package dev.triage.bot.cli;

import dev.triage.bot.chat.discord.DiscordCommands;
import dev.triage.bot.chat.discord.DiscordCommands.Registration;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.config.DiscordSettings;
import java.util.List;
import java.util.Set;

/** {@code triage discord register [--guild ID]}: installs the {@code /triage} slash command through Discord's API. */
final class DiscordCommand {
    private final Io io;
    private final ConfigLoader configLoader;

    DiscordCommand(Io io, ConfigLoader configLoader) {
        this.io = io;
        this.configLoader = configLoader;
    }

    Exit run(List<String> rest) {
        Args args = Args.parse(rest, Set.of("guild"), Set.of());
        if (!args.positionals().equals(List.of("register"))) {
            throw new UsageException("discord takes one subcommand: register [--guild ID]");
        }
        DiscordSettings settings = configLoader.load().discord();
        if (settings.applicationId().isEmpty() || settings.botToken().isEmpty()) {
            io.err().println("triage: registering the command needs DISCORD_APPLICATION_ID, DISCORD_PUBLIC_KEY and"
                    + " DISCORD_BOT_TOKEN in the environment (the Developer Portal shows all three; see the README).");
            return Exit.BAD_INPUT;
        }
        Registration outcome = new DiscordCommands(settings).register(args.option("guild"));
        if (outcome instanceof Registration.Registered registered) {
            io.out().println("Registered /triage (command " + registered.commandId() + ") in " + registered.scope()
                    + ".");
            return Exit.OK;
        }
        Registration.Refused refused = (Registration.Refused) outcome;
        String hint = refused.status() == 401 ? " Check DISCORD_BOT_TOKEN."
                : refused.status() == 403 ? " Is the app installed in that server with the applications.commands"
                        + " scope?" : "";
        io.err().println("triage: Discord did not register the command: " + refused.reason()
                + (refused.status() > 0 ? " (HTTP " + refused.status() + ")." : ".") + hint);
        return Exit.FAILED;
    }
}

package dev.triage.bot.cli;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.ProbeGateway;
import java.util.ArrayList;
import java.util.List;

/** How the command line probes: the configured allow-list plus {@code --allow}, audited as the local user. */
final class CliProbes {
    private CliProbes() {
    }

    static BotConfig withAllow(BotConfig config, List<String> extra) {
        if (extra.isEmpty()) {
            return config;
        }
        List<String> allow = new ArrayList<>(config.probesAllow());
        allow.addAll(extra);
        return config.withProbesAllow(allow);
    }

    static ProbeGateway gateway(BotApplication app) {
        return app.probeGateway();
    }
}

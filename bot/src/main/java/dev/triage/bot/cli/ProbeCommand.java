package dev.triage.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.probing.AuditedProbeGateway;
import dev.triage.bot.render.JsonView;
import dev.triage.bot.render.Untrusted;
import dev.triage.probes.ProbeListener;
import dev.triage.probes.ProbeResult;
import dev.triage.probes.Target;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code triage probe HOST[:PORT]}: the probe ladder DNS → TCP → RDP → TLS → certificate → NTLM, live. */
final class ProbeCommand {
    private final Io io;
    private final ConfigLoader configLoader;

    ProbeCommand(Io io, ConfigLoader configLoader) {
        this.io = io;
        this.configLoader = configLoader;
    }

    Exit run(List<String> rest) {
        Args args = Args.parse(rest, Set.of("allow", "timeout"), Set.of("json"));
        if (args.positionals().size() != 1) {
            throw new UsageException("probe needs exactly one HOST[:PORT]");
        }
        BotConfig config = CliProbes.withAllow(configLoader.load(), args.options("allow"));
        if (args.option("timeout").isPresent()) {
            config = config.withProbeTimeout(ConfigLoader.parseDuration("--timeout", args.option("timeout").get()));
        }
        boolean json = args.flag("json");
        String host = args.positionals().get(0);
        try (BotApplication app = BotApplication.create(config)) {
            AuditedProbeGateway gateway = app.probeGateway();
            if (!json) {
                io.out().println("Probing " + Untrusted.oneLine(host) + " (deadline "
                        + config.probeTimeout().toMillis() + " ms)");
            }
            AuditedProbeGateway.Outcome outcome = gateway.runWithReport(host, Identity.cli(), Optional.empty(),
                    json ? ProbeListener.NONE : new LiveLadder());
            List<ProbeOutcome> steps = outcome.run().steps();
            if (json) {
                io.out().println(json(app, host, outcome).toPrettyString());
            } else if (outcome.report().isEmpty()) {
                steps.forEach(s -> io.out().println("✗ " + s.name() + "  " + Untrusted.oneLine(s.summary())));
            } else {
                io.out().printf(Locale.ROOT, "done in %d ms%s%n", outcome.report().get().elapsed().toMillis(),
                        outcome.report().get().deadlineReached() ? " (deadline reached)" : "");
            }
            return refused(steps) ? Exit.BAD_INPUT : Exit.OK;
        }
    }

    private static boolean refused(List<ProbeOutcome> steps) {
        return steps.stream().anyMatch(s -> s.name().equals("policy") && !s.ok());
    }

    private ObjectNode json(BotApplication app, String host, AuditedProbeGateway.Outcome outcome) {
        ObjectNode root = app.json().createObjectNode();
        root.put("target", host);
        outcome.report().ifPresent(r -> root.put("elapsed_ms", r.elapsed().toMillis())
                .put("deadline_reached", r.deadlineReached()));
        ArrayNode probes = root.putArray("probes");
        JsonView view = new JsonView(app.json());
        outcome.run().steps().forEach(s -> probes.add(view.probe(s)));
        return root;
    }

    /** Prints each step as it finishes; the runner calls it from several threads. */
    private final class LiveLadder implements ProbeListener {
        @Override
        public synchronized void stepFinished(Target target, ProbeResult r) {
            String mark = r.outcome().isNeutral() ? "–" : r.outcome().passed() ? "✓" : "✗";
            io.out().printf(Locale.ROOT, "%s %-11s %-16s %6d ms  %s%n", mark, r.name(), r.outcome(),
                    r.elapsed().toMillis(), Untrusted.oneLine(r.summary()));
            io.out().flush();
        }
    }
}

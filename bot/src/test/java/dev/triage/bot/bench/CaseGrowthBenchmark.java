package dev.triage.bot.bench;

import dev.triage.bot.BotApplication;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.InboundMessage;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Surface;
import dev.triage.bot.conversation.TurnOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One case growing to 5,000 messages through the chat core and the real embedded H2 store: the turn time near the
 * start against the turn time near message 5,000. Not a test: run it with {@code bench/load.sh growth}.
 */
public final class CaseGrowthBenchmark {
    private CaseGrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path data = Files.createTempDirectory("triage-growth");
        try (BotApplication app = BotApplication.create(BotConfig.defaults().withDataDir(data))) {
            app.engine().warmUp();
            ChatCore core = app.chatCore();
            Identity who = new Identity(Surface.API, "bench", "growth", "", "", Optional.empty());
            // A first case of 500 messages warms the JIT, so "early" below is not "cold".
            grow(core, who, 500, new Latencies(), new Latencies());
            Latencies early = new Latencies();
            Latencies late = new Latencies();
            grow(core, who, messages, early, late);
            System.out.println("messages 10-59:      " + early.summary());
            System.out.println("messages " + (messages - 49) + "-" + messages + ": " + late.summary());
            System.out.printf("ratio of medians: %.2f%n", late.percentileMs(50) / early.percentileMs(50));
        }
    }

    /** Opens a case and grows it to {@code messages}, timing messages 10-59 and the last 50. */
    private static void grow(ChatCore core, Identity who, int messages, Latencies early, Latencies late) {
        TurnOutcome opened = core.handle(InboundMessage.text(who, Optional.empty(),
                "This computer can't connect to the remote computer.\nError code: 0x904\nExtended error code: 0x7"))
                .outcome();
        String id = ((TurnOutcome.Replied) opened).reply().caseId().orElseThrow();
        for (int n = 2; n <= messages; n++) {
            String text = "Still failing after attempt " + n + "; the user restarted the client and tried again"
                    + " from home over the VPN, with the same dialog.";
            long start = System.nanoTime();
            TurnOutcome outcome = core.handle(InboundMessage.text(who, Optional.of(id), text)).outcome();
            long took = System.nanoTime() - start;
            if (!(outcome instanceof TurnOutcome.Replied)) {
                throw new IllegalStateException("turn " + n + " failed: " + outcome);
            }
            if (n >= 10 && n < 60) {
                early.add(took);
            } else if (n > messages - 50) {
                late.add(took);
            }
        }
    }
}

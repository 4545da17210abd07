package dev.triage.bot.chat.teams;

import dev.triage.bot.bench.AckBenchmark;
import dev.triage.bot.bench.AckPlatform;
import dev.triage.bot.config.BotConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Teams for {@link AckBenchmark}: activities to {@code POST /api/messages}, each a new 1:1 chat, with the Bot
 * Connector's RS256 token (checked in full against the stand-in's JWKS); the answers are the replies carrying the
 * likely causes on the stand-in Bot Connector. Lives here because the Teams stand-ins are this package's.
 */
public final class TeamsAcks implements AckPlatform {
    private final BotFrameworkStandIn login;
    private final ConnectorStandIn connector;
    private final String token;

    public TeamsAcks() throws Exception {
        login = new BotFrameworkStandIn();
        connector = new ConnectorStandIn();
        // The Bot Connector sends one token with many activities until it nears expiry.
        token = login.token(connector.serviceUrl());
    }

    @Override
    public String name() {
        return "teams";
    }

    @Override
    public BotConfig configure(BotConfig base) {
        return base.withTeams(TeamsHarness.settings(login, List.of()));
    }

    @Override
    public String path() {
        return TeamsAdapter.PATH;
    }

    @Override
    public SignedPost request(int n) {
        String activity = TeamsActivities.personal(connector.serviceUrl(), "1700000" + n, "bench-user-" + n,
                AckBenchmark.DIALOG).toString();
        return new SignedPost(Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token),
                activity.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean acknowledged(int status, String body) {
        return status == 200;
    }

    @Override
    public int answers() {
        return connector.calls(call -> call.text().contains("Likely causes")).size();
    }

    @Override
    public void close() {
        connector.close();
        login.close();
    }
}

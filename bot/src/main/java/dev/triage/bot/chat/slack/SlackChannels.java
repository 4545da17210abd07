package dev.triage.bot.chat.slack;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which channels everyone in the workspace can read. A DM ({@code D…}) or a legacy private channel ({@code G…}) is
 * known by its id; a {@code C…} id is a public channel or, since Slack gave private channels such ids too, a private
 * one, so Slack is asked once per channel (conversations.info) and the answer kept. When Slack does not say, the
 * channel counts as public: showing too little there is the safe mistake.
 */
final class SlackChannels {
    /** Enough for every channel of a large workspace; beyond it the answers are asked again, not kept forever. */
    private static final int MAX_KEPT = 10_000;

    private final SlackApi api;
    private final Map<String, Boolean> publicByChannel = new ConcurrentHashMap<>();

    SlackChannels(SlackApi api) {
        this.api = api;
    }

    boolean isPublic(String channel) {
        if (channel.startsWith("D") || channel.startsWith("G")) {
            return false;
        }
        Boolean known = publicByChannel.get(channel);
        if (known != null) {
            return known;
        }
        Optional<Boolean> membersOnly = api.membersOnly(channel);
        membersOnly.ifPresent(only -> {
            if (publicByChannel.size() >= MAX_KEPT) {
                publicByChannel.clear();
            }
            publicByChannel.put(channel, !only);
        });
        return membersOnly.map(only -> !only).orElse(true);
    }
}

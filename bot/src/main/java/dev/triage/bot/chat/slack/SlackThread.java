package dev.triage.bot.chat.slack;

import dev.triage.bot.chat.HostRedaction;
import java.util.Optional;

/**
 * Where one turn's messages go: a thread, and the person whose message or click the turn answers. It is the one
 * place thread output leaves Triage, so it is the one place host names are taken out: in a channel that keeps hosts
 * private every post and edit is redacted ({@link SlackMessage#redacted}), and the full details go to the asker as a
 * message only they see. Elsewhere (DMs, private channels, or with the setting off) messages go out as rendered.
 */
final class SlackThread {
    private final SlackApi api;
    private final String channel;
    private final String thread;
    private final String asker;
    private final Optional<String> keptUrl;

    /**
     * @param keptUrl Triage's own address, never redacted (so case links work), when hosts are kept private here;
     *                empty when this thread shows everything
     */
    SlackThread(SlackApi api, String channel, String thread, String asker, Optional<String> keptUrl) {
        this.api = api;
        this.channel = channel;
        this.thread = thread;
        this.asker = asker;
        this.keptUrl = keptUrl;
    }

    /** Whether this thread leaves hosts out. */
    boolean hidesHosts() {
        return keptUrl.isPresent();
    }

    /** Posts in the thread; the new message's ts. */
    Optional<String> post(SlackMessage message, HostRedaction hosts) {
        return api.post(channel, thread, shown(message, hosts));
    }

    boolean update(String ts, SlackMessage message, HostRedaction hosts) {
        return api.update(channel, ts, shown(message, hosts));
    }

    /** Sends the asker {@code details} privately, when the thread could not show them: they name a host. */
    void details(SlackMessage details, HostRedaction hosts) {
        if (keptUrl.isPresent() && details.names(hosts.keeping(keptUrl.get()))) {
            api.whisper(channel, asker, thread, details);
        }
    }

    private SlackMessage shown(SlackMessage message, HostRedaction hosts) {
        return keptUrl.map(url -> message.redacted(hosts.keeping(url))).orElse(message);
    }
}

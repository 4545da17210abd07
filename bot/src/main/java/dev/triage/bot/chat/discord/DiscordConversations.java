package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.HostRedaction;
import dev.triage.bot.chat.InboundMessage;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Surface;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.bot.store.PlatformStore;
import dev.triage.bot.store.PlatformStore.ThreadCase;
import dev.triage.bot.store.PlatformStore.ThreadKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Discord message of Triage's is a case: {@code /triage} (or a mention read on the gateway) opens one and its
 * answer becomes the message, and clicks on the message's buttons continue it. The message is linked to its case once
 * Discord has taken the first edit, and a click's case is always looked up from that link, never taken from the
 * button. Runs on the worker, after the interaction was acknowledged. What a turn shows goes to its {@link
 * DiscordAudience}: in a server channel, hosts are kept out unless {@code DISCORD_PRIVATE_HOSTS} is off.
 */
final class DiscordConversations {
    static final String PLATFORM = "discord";
    private static final Logger LOG = LoggerFactory.getLogger(DiscordConversations.class);

    private final ChatCore core;
    private final PlatformStore store;
    private final DiscordApi api;
    private final DiscordMessages messages;
    private final Executor worker;
    private final boolean privateHosts;
    private final Map<String, DiscordLiveMessage> live = new ConcurrentHashMap<>();

    /** @param privateHosts whether server channels are kept from hosts ({@code DISCORD_PRIVATE_HOSTS}) */
    DiscordConversations(ChatCore core, PlatformStore store, DiscordApi api, DiscordMessages messages,
            Executor worker, boolean privateHosts) {
        this.core = core;
        this.store = store;
        this.api = api;
        this.messages = messages;
        this.worker = worker;
        this.privateHosts = privateHosts;
    }

    /**
     * Who reads what Triage shows in a channel: the whole server, when hosts are kept private and the channel is a
     * server's; otherwise only people who may see everything.
     *
     * @param asker sends the person a turn answers a message only they can read
     */
    DiscordAudience audience(boolean inServer, Consumer<ObjectNode> asker) {
        return hidesHosts(inServer) ? DiscordAudience.server(messages.publicUrl(), asker)
                : DiscordAudience.everything();
    }

    /** Whether a channel's messages leave hosts out: a server's, with {@code DISCORD_PRIVATE_HOSTS} on. */
    boolean hidesHosts(boolean inServer) {
        return privateHosts && inServer;
    }

    /** Who reads an interaction's messages; the asker's details go as an ephemeral follow-up of it. */
    DiscordAudience audience(DiscordInteraction i) {
        return audience(i.guild().isPresent(), details -> api.followUp(i.token(), DiscordMessages.ephemeral(details)));
    }

    /** The case a message of Triage's belongs to, with who opened it. */
    Optional<ThreadCase> caseOf(DiscordInteraction i, String messageId) {
        return store.caseOf(key(i, messageId));
    }

    /** Opens a case with the pasted text; the deferred response becomes its answer. */
    void open(DiscordInteraction i, String text) {
        ChatCore.Turn turn = core.handle(InboundMessage.text(identity(i, i.id()), Optional.empty(), text));
        DiscordAudience audience = heard(audience(i), turn.outcome(), text);
        if (turn.outcome() instanceof TurnOutcome.Replied replied) {
            String caseId = replied.reply().caseId().orElseThrow();
            show(edit(i), audience, turn, replied, (messageId, message) -> {
                store.link(key(i, messageId), new ThreadCase(caseId, i.user()));
                own(messageId, message);
            });
        } else {
            api.editOriginal(i.token(), audience.shown(refusalNotice(turn.outcome()), HostRedaction.none()));
        }
    }

    /** Answers the case's question on the clicked message; the message becomes the re-ranked answer. */
    void answer(DiscordInteraction i, String messageId, String caseId, String questionId, String value) {
        ChatCore.Turn turn = core.handle(InboundMessage.answer(identity(i, messageId), caseId, questionId, value));
        DiscordAudience audience = heard(audience(i), turn.outcome(), value);
        if (turn.outcome() instanceof TurnOutcome.Replied replied) {
            DiscordLiveMessage message = show(edit(i), audience, turn, replied, (id, m) -> { });
            own(messageId, message);
        } else {
            api.editOriginal(i.token(), audience.shown(refusalNotice(turn.outcome()), HostRedaction.ofAnswer(value)));
        }
    }

    /**
     * Opens a case from a message read on the gateway (one that mentions Triage, or a direct message). The reply is
     * posted through {@code post} (into the thread started on the message, or inline) and then edited there; once
     * posted it is linked to the case like a {@code /triage} answer, so clicks on its buttons continue the case.
     *
     * @param replyChannel the channel the reply is posted in: clicks on it arrive from there
     * @param audience     who reads the reply there
     */
    void open(Identity who, String replyChannel, String text, Function<ObjectNode, Optional<String>> post,
            DiscordAudience audience) {
        ChatCore.Turn turn = core.handle(InboundMessage.text(who, Optional.empty(), text));
        DiscordAudience heard = heard(audience, turn.outcome(), text);
        if (turn.outcome() instanceof TurnOutcome.Replied replied) {
            String caseId = replied.reply().caseId().orElseThrow();
            show(post, heard, turn, replied, (messageId, message) -> {
                store.link(new ThreadKey(PLATFORM, who.workspace(), replyChannel, messageId),
                        new ThreadCase(caseId, who.user()));
                own(messageId, message);
            });
        } else {
            post.apply(heard.shown(refusalNotice(turn.outcome()), HostRedaction.none()));
        }
    }

    /**
     * The audience, also kept from every address written in the turn's case (without a case, in {@code said}): read
     * only when it leaves hosts out.
     */
    private DiscordAudience heard(DiscordAudience audience, TurnOutcome outcome, String said) {
        if (!audience.hidesHosts()) {
            return audience;
        }
        Optional<String> caseId = outcome instanceof TurnOutcome.Replied replied ? replied.reply().caseId()
                : Optional.empty();
        return audience.withAddressesIn(caseId.map(id -> core.conversations().texts(id)).orElse(List.of(said)));
    }

    /** Shows a reply through {@code send} and keeps it up to date while probes run. */
    private DiscordLiveMessage show(Function<ObjectNode, Optional<String>> send, DiscordAudience audience,
            ChatCore.Turn turn, TurnOutcome.Replied replied, BiConsumer<String, DiscordLiveMessage> onPosted) {
        String caseId = replied.reply().caseId().orElseThrow();
        DiscordLiveMessage message = new DiscordLiveMessage(send, messages, worker, replied.reply(), audience,
                onPosted);
        message.show();
        if (replied.reply().probing()) {
            message.follow(core.events(), caseId);
            turn.settled().thenAccept(settled -> {
                settled.ifPresent(message::settle);
                live.values().remove(message);
            }).exceptionally(e -> {
                LOG.warn("discord: the probed answer for case {} could not be shown: {}", caseId, e);
                return null;
            });
        }
        return message;
    }

    /**
     * The newest interaction on a message owns it and the one before stops editing it, so a click during a probe
     * run is not overwritten by the run's older state. Only messages still changing are kept here.
     */
    private void own(String messageId, DiscordLiveMessage owner) {
        DiscordLiveMessage before = owner.changing() ? live.put(messageId, owner) : live.remove(messageId);
        if (before != null && before != owner) {
            before.retire();
        }
    }

    private static ObjectNode refusalNotice(TurnOutcome outcome) {
        if (outcome instanceof TurnOutcome.Rejected rejected) {
            return DiscordMessages.notice(rejected.message());
        }
        if (outcome instanceof TurnOutcome.CaseFull full) {
            return DiscordMessages.notice(full.message());
        }
        return DiscordMessages.notice("That case no longer exists. Run /triage with the error message to start a new"
                + " one.");
    }

    /** Edits the interaction's first response, the message a deferred reply or a click is about. */
    private Function<ObjectNode, Optional<String>> edit(DiscordInteraction i) {
        return message -> api.editOriginal(i.token(), message);
    }

    private static ThreadKey key(DiscordInteraction i, String messageId) {
        return new ThreadKey(PLATFORM, i.workspace(), i.channel(), messageId);
    }

    private static Identity identity(DiscordInteraction i, String thread) {
        return new Identity(Surface.DISCORD, i.workspace(), i.user(), i.channel(), thread, Optional.empty());
    }
}

package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.HostRedaction;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Surface;
import dev.triage.bot.render.Untrusted;
import dev.triage.bot.store.PlatformStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what the gateway delivers onto the conversation core. A message is read when it mentions Triage in a server
 * channel or is sent to it directly (the two cases Discord gives a bot the content of without the privileged
 * MESSAGE_CONTENT intent); other bots, Triage itself and servers outside the allowed ones are ignored. The reply goes
 * into a thread started on the message (inline in a direct message). Button clicks and forms on those replies arrive
 * as interactions over the gateway too and are answered exactly as on the HTTP endpoint. In a server, with hosts kept
 * private, the thread is read by the whole server: its messages leave hosts out (and its name the addresses the
 * message names), and the author gets the answer with them as a direct message.
 */
final class GatewayListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayListener.class);
    /** Discord's limit for a thread's name. */
    private static final int MAX_THREAD_NAME = 100;

    private final DiscordConversations conversations;
    private final DiscordInteractions interactions;
    private final DiscordApi api;
    private final PlatformStore store;
    private final Executor worker;
    private final Set<String> allowedGuilds;
    private final ObjectMapper json = new ObjectMapper();

    /** @param allowedGuilds the servers Triage answers in; empty for any server and direct messages */
    GatewayListener(DiscordConversations conversations, DiscordInteractions interactions, DiscordApi api,
            PlatformStore store, Executor worker, List<String> allowedGuilds) {
        this.conversations = conversations;
        this.interactions = interactions;
        this.api = api;
        this.store = store;
        this.worker = worker;
        this.allowedGuilds = Set.copyOf(allowedGuilds);
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        User author = event.getAuthor();
        Message message = event.getMessage();
        boolean direct = !event.isFromGuild();
        if (author.isBot() || author.isSystem() || event.isWebhookMessage()) {
            return;
        }
        if (!direct && !message.getMentions().isMentioned(event.getJDA().getSelfUser(), Message.MentionType.USER)) {
            return;
        }
        String workspace = direct ? "dm" : event.getGuild().getId();
        if (!allowedGuilds.isEmpty() && !allowedGuilds.contains(workspace)) {
            LOG.info("discord: a message from {} is outside the allowed servers", direct ? "a DM" : workspace);
            return;
        }
        // Several instances each hold a gateway session, and a resumed session may deliver a message again.
        if (!store.firstDelivery(DiscordConversations.PLATFORM, "message:" + message.getId())) {
            return;
        }
        String text = withoutMention(message.getContentRaw(), event.getJDA().getSelfUser().getId());
        queue(() -> reply(message, workspace, text));
    }

    /** Interactions on Triage's gateway replies: the HTTP endpoint's handling, its response sent as a callback. */
    @Override
    public void onRawGateway(RawGatewayEvent event) {
        if (!"INTERACTION_CREATE".equals(event.getType())) {
            return;
        }
        Optional<DiscordInteraction> interaction = parse(event.getPayload().toString());
        if (interaction.isEmpty()) {
            LOG.warn("discord: an interaction from the gateway could not be read");
            return;
        }
        DiscordInteraction i = interaction.get();
        interactions.respond(i).ifPresent(response -> api.respond(i.id(), i.token(), response));
    }

    private void reply(Message message, String workspace, String text) {
        String name = threadName(text);
        MessageChannel target = threadFor(message, conversations.hidesHosts(message.isFromGuild())
                ? HostRedaction.none().withAddressesIn(List.of(text)).apply(name) : name);
        User author = message.getAuthor();
        DiscordAudience audience = conversations.audience(message.isFromGuild(), details -> direct(author, details,
                target));
        if (text.isBlank()) {
            new GatewayPost(target).apply(DiscordMessages.notice("Mention me together with the error message (or"
                    + " the codes) and I will diagnose it."));
            return;
        }
        String thread = target.getId().equals(message.getChannelId()) ? message.getId() : target.getId();
        Identity who = new Identity(Surface.DISCORD, workspace, message.getAuthor().getId(), message.getChannelId(),
                thread, Optional.empty());
        conversations.open(who, target.getId(), text, new GatewayPost(target), audience);
    }

    /**
     * Sends {@code user} a direct message. When they take none from server members, the thread says so: its answer,
     * with the case link, is what they have, and the case page shows everything.
     */
    private static void direct(User user, ObjectNode message, MessageChannel thread) {
        try {
            user.openPrivateChannel().flatMap(channel -> channel.sendMessage(JdaMessages.create(message))).complete();
        } catch (RuntimeException e) {
            LOG.warn("discord: the details for user {} could not be sent as a direct message: {}", user.getId(),
                    e.toString());
            new GatewayPost(thread).apply(DiscordMessages.notice("Host names and addresses stay out of this thread,"
                    + " and Triage could not send them to the person who asked as a direct message (their privacy"
                    + " settings may refuse messages from server members). The case link above has everything."));
        }
    }

    /**
     * A thread started on the message, named after it, when the message is in a server channel that has threads;
     * the message's own channel in a direct message, in a thread already, or when Discord refuses the thread.
     */
    private static MessageChannel threadFor(Message message, String name) {
        if (!message.isFromGuild() || message.getChannelType().isThread()) {
            return message.getChannel();
        }
        try {
            return message.createThreadChannel(name).complete();
        } catch (RuntimeException e) {
            LOG.warn("discord: no thread on message {} ({}); replying in its channel", message.getId(), e);
            return message.getChannel();
        }
    }

    /** Thread names show no Markdown and ping nobody; control and bidi characters are still made visible. */
    static String threadName(String text) {
        String name = text.isBlank() ? "Triage" : "Triage: " + Untrusted.oneLine(text).strip();
        return name.length() <= MAX_THREAD_NAME ? name : name.substring(0, MAX_THREAD_NAME - 1) + "…";
    }

    /** The message without Triage's mention ({@code <@id>}, or {@code <@!id>} from older clients). */
    static String withoutMention(String content, String selfId) {
        return content.replace("<@" + selfId + ">", " ").replace("<@!" + selfId + ">", " ").strip();
    }

    private Optional<DiscordInteraction> parse(String payload) {
        try {
            JsonNode tree = json.readTree(payload);
            return tree == null || !tree.isObject() ? Optional.empty() : DiscordInteraction.parse(tree);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void queue(Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("discord: handling a gateway message failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("discord: the server is shutting down; a gateway message was dropped");
        }
    }
}

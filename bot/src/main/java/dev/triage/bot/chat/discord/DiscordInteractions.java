package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.HostRedaction;
import dev.triage.bot.store.PlatformStore;
import dev.triage.bot.store.PlatformStore.ThreadCase;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each signed interaction inside Discord's 3 s: it checks what it must on the request thread (the server is
 * allowed; for a click, the interaction is new and the clicker may answer), queues the conversation work and returns
 * the interaction response (PONG, a deferred reply, a modal, the clicked message updated, or a notice only the user
 * sees).
 */
final class DiscordInteractions {
    static final String COMMAND = "triage";
    private static final Logger LOG = LoggerFactory.getLogger(DiscordInteractions.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DiscordConversations conversations;
    private final PlatformStore store;
    private final DiscordMessages messages;
    private final Executor worker;
    private final Set<String> allowedGuilds;
    private final Set<String> helpdesk;
    private final List<Question> questions;

    /**
     * @param allowedGuilds the servers Triage answers in; empty for any server and direct messages
     * @param helpdesk      users who may answer any case's questions, besides the user who opened it
     */
    DiscordInteractions(DiscordConversations conversations, PlatformStore store, DiscordMessages messages,
            Executor worker, List<String> allowedGuilds, List<String> helpdesk, List<Question> questions) {
        this.conversations = conversations;
        this.store = store;
        this.messages = messages;
        this.worker = worker;
        this.allowedGuilds = Set.copyOf(allowedGuilds);
        this.helpdesk = Set.copyOf(helpdesk);
        this.questions = List.copyOf(questions);
    }

    /** What to answer Discord: an interaction response, or empty when there is to be none (a replay). */
    Optional<ObjectNode> respond(DiscordInteraction i) {
        if (i.type() == DiscordInteraction.PING) {
            return Optional.of(type(1));
        }
        if (!allowedGuilds.isEmpty() && !i.guild().map(allowedGuilds::contains).orElse(false)) {
            LOG.info("discord: an interaction from server {} is outside the allowed servers", i.workspace());
            return Optional.of(DiscordMessages.whisper("Triage is not enabled here. Ask the helpdesk which server"
                    + " to use it in."));
        }
        if (i.type() == DiscordInteraction.COMMAND) {
            return Optional.of(command(i));
        }
        if (i.type() == DiscordInteraction.MODAL_SUBMIT && i.customId().equals(DiscordMessages.PASTE_MODAL)) {
            return Optional.of(pasteSubmitted(i));
        }
        // A click's response depends on what is stored (the case, whether the question was answered), so the
        // request thread reads the database anyway and records the interaction there.
        if (!store.firstDelivery(DiscordConversations.PLATFORM, i.id())) {
            LOG.info("discord: interaction {} was delivered before; the replay gets no answer", i.id());
            return Optional.empty();
        }
        return Optional.of(switch (i.type()) {
            case DiscordInteraction.MODAL_SUBMIT -> answerSubmitted(i);
            case DiscordInteraction.COMPONENT -> click(i);
            default -> DiscordMessages.whisper("Triage does not handle this kind of interaction.");
        });
    }

    private ObjectNode command(DiscordInteraction i) {
        if (!COMMAND.equals(i.data().path("name").asText())) {
            return DiscordMessages.whisper("Triage only knows the /" + COMMAND + " command.");
        }
        String text = i.option(DiscordMessages.PASTE_INPUT).strip();
        if (text.isEmpty()) {
            return modal(DiscordMessages.pasteModal());
        }
        return deferOpen(i, text);
    }

    private ObjectNode pasteSubmitted(DiscordInteraction i) {
        String text = i.input(DiscordMessages.PASTE_INPUT).strip();
        return text.isEmpty() ? DiscordMessages.whisper("Paste the error message to diagnose it.") : deferOpen(i, text);
    }

    private ObjectNode answerSubmitted(DiscordInteraction i) {
        String id = i.customId();
        if (id.startsWith(DiscordMessages.TYPE_ANSWER)) {
            String answer = i.input(DiscordMessages.ANSWER_INPUT).strip();
            return answer(i, id.substring(DiscordMessages.TYPE_ANSWER.length()), answer, answer,
                    HostRedaction.ofAnswer(answer));
        }
        return DiscordMessages.whisper("This form is not Triage's any more.");
    }

    private ObjectNode click(DiscordInteraction i) {
        String id = i.customId();
        if (id.startsWith(DiscordMessages.TYPE_ANSWER)) {
            Optional<Question> question = question(id.substring(DiscordMessages.TYPE_ANSWER.length()));
            Optional<ObjectNode> refused = refusal(i);
            return refused.orElseGet(() -> question.map(q -> modal(DiscordMessages.answerModal(q)))
                    .orElseGet(() -> DiscordMessages.whisper("Triage no longer asks this question.")));
        }
        if (!id.startsWith(DiscordMessages.ANSWER)) {
            return DiscordMessages.whisper("This button is not Triage's any more.");
        }
        String[] parts = id.substring(DiscordMessages.ANSWER.length()).split(":", 2);
        Optional<Question.Option> option = parts.length < 2 ? Optional.empty()
                : question(parts[0]).flatMap(q -> option(q, parts[1]));
        if (option.isEmpty()) {
            return DiscordMessages.whisper("Triage no longer offers this answer. Run /triage again.");
        }
        return answer(i, parts[0], option.get().value(), option.get().label(), HostRedaction.none());
    }

    /**
     * Checks the clicker against the case of the message, records the answer once, and updates the message.
     *
     * @param typed the hosts in the answer, when the user typed it: the update shows it to the whole channel
     */
    private ObjectNode answer(DiscordInteraction i, String questionId, String value, String label,
            HostRedaction typed) {
        Optional<ObjectNode> refused = refusal(i);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (value.isEmpty()) {
            return DiscordMessages.whisper("An empty answer changes nothing.");
        }
        String messageId = i.messageId().orElseThrow();
        ThreadCase linked = conversations.caseOf(i, messageId).orElseThrow();
        // One answer per question and message, however often (or on however many instances) it is clicked.
        if (!store.firstDelivery(DiscordConversations.PLATFORM, "answer:" + messageId + ":" + questionId)) {
            return DiscordMessages.whisper("This question was answered already.");
        }
        String text = question(questionId).map(Question::text).orElse(questionId);
        worker.execute(() -> conversations.answer(i, messageId, linked.caseId(), questionId, value));
        ObjectNode response = type(7);
        response.set("data", conversations.audience(i).shown(messages.answered(i.message().orElseThrow(),
                linked.caseId(), i.user(), text, label), typed));
        return response;
    }

    /** Why the user may not answer on this message, or empty when they may. */
    private Optional<ObjectNode> refusal(DiscordInteraction i) {
        Optional<ThreadCase> linked = i.messageId().flatMap(m -> conversations.caseOf(i, m));
        if (linked.isEmpty()) {
            return Optional.of(DiscordMessages.whisper("This message is not a Triage case any more. Run /"
                    + COMMAND + " with the error message to start a new one."));
        }
        if (!i.user().equals(linked.get().openedBy()) && !helpdesk.contains(i.user())) {
            return Optional.of(DiscordMessages.whisper("Only " + DiscordMessages.mention(linked.get().openedBy())
                    + " or the helpdesk can answer this case's questions."));
        }
        return Optional.empty();
    }

    /**
     * Defers the reply and opens the case on the worker. The response is the same whatever is stored, so the
     * acknowledgement waits for no database: the worker records the interaction id first, and a replay (on any
     * instance sharing the database) is dropped there before it is answered.
     */
    private ObjectNode deferOpen(DiscordInteraction i, String text) {
        worker.execute(() -> {
            if (store.firstDelivery(DiscordConversations.PLATFORM, i.id())) {
                conversations.open(i, text);
            } else {
                LOG.info("discord: interaction {} was delivered before; the replay gets no answer", i.id());
            }
        });
        return type(5);
    }

    private Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    private static Optional<Question.Option> option(Question q, String index) {
        try {
            int n = Integer.parseInt(index);
            return n >= 0 && n < q.options().size() ? Optional.of(q.options().get(n)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode modal(ObjectNode modal) {
        ObjectNode response = type(9);
        response.set("data", modal);
        return response;
    }

    private static ObjectNode type(int type) {
        return NODES.objectNode().put("type", type);
    }
}

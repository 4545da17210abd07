package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.InboundMessage;
import dev.triage.bot.chat.ProgressLadder;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.conversation.Surface;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.bot.store.PlatformStore;
import dev.triage.bot.store.PlatformStore.ThreadCase;
import dev.triage.bot.store.PlatformStore.ThreadKey;
import dev.triage.rules.Question;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Teams channel thread is a case, and so is a chat (until someone starts over with "new"): the first message opens
 * one, later messages and card clicks continue it. In a channel every answer goes into the thread of the mention; in
 * a chat it follows inline. The case is always looked up from the stored conversation link, never taken from a card;
 * only the user who opened the case or a configured helpdesk user may answer its questions. Runs on the worker, after
 * the activity was acknowledged.
 */
final class TeamsConversations {
    static final String PLATFORM = "teams";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsConversations.class);
    private static final Pattern START_OVER = Pattern.compile("(?is)^new(?:\\s+case)?\\b[:\\s]*(.*)$");
    private static final int KEY_WIDTH = 120;

    private final ChatCore core;
    private final PlatformStore store;
    private final Connector connector;
    private final TeamsCards cards;
    private final Executor worker;
    private final Set<String> helpdesk;

    TeamsConversations(ChatCore core, PlatformStore store, Connector connector, TeamsCards cards, Executor worker,
            List<String> helpdesk) {
        this.core = core;
        this.store = store;
        this.connector = connector;
        this.cards = cards;
        this.worker = worker;
        this.helpdesk = Set.copyOf(helpdesk);
    }

    /** Where Triage answers an activity: its conversation, under the activity in a channel thread. */
    private record Place(Connector.Conversation conversation, Optional<String> replyTo) {
        static Place of(Activity a) {
            return new Place(new Connector.Conversation(a.serviceUrl(), a.conversationId()),
                    a.inChannel() ? Optional.of(a.id()) : Optional.empty());
        }
    }

    /** Opens the conversation's case or continues it with the text. */
    void message(Activity a) {
        Place place = Place.of(a);
        connector.typing(place.conversation());
        String text = a.text();
        Optional<ThreadCase> linked = store.caseOf(key(a));
        Matcher startOver = START_OVER.matcher(text);
        if (!a.inChannel() && startOver.matches()) {
            linked = Optional.empty();
            text = startOver.group(1).strip();
        }
        if (text.isEmpty()) {
            send(place, cards.notice("Paste the error message (or the dialog's text) and I will look into it."));
            return;
        }
        Identity who = identity(a);
        ChatCore.Turn turn = core.handle(InboundMessage.text(who, linked.map(ThreadCase::caseId), text));
        if (turn.outcome() instanceof TurnOutcome.NoSuchCase && linked.isPresent()) {
            // The conversation's case was deleted by retention: it starts over with a new one.
            linked = Optional.empty();
            turn = core.handle(InboundMessage.text(who, Optional.empty(), text));
        }
        if (linked.isEmpty() && turn.outcome() instanceof TurnOutcome.Replied replied) {
            store.link(key(a), new ThreadCase(replied.reply().caseId().orElseThrow(), a.user().orElseThrow()));
        }
        answer(place, turn);
    }

    /** An Adaptive Card's submit: answers the case's question, if the clicker may, and retires the card. */
    void click(Activity a) {
        Place place = Place.of(a);
        JsonNode data = a.value().orElseThrow();
        String questionId = data.path("question").asText("");
        String value = data.path("value").asText("");
        if (!data.path("triage").asText().equals(TeamsCards.SUBMIT_KIND) || questionId.isEmpty() || value.isEmpty()
                || a.replyToId().isEmpty()) {
            LOG.debug("teams: a card submit without an answer was ignored");
            return;
        }
        Optional<ThreadCase> linked = store.caseOf(key(a));
        String user = a.user().orElseThrow();
        if (linked.isEmpty() || !linked.get().caseId().equals(data.path("case").asText(linked.get().caseId()))) {
            send(place, cards.notice("That question belongs to a case this conversation has moved on from."
                    + " Paste the error message to start a new one."));
            return;
        }
        if (!user.equals(linked.get().openedBy()) && !helpdesk.contains(user)) {
            send(place, cards.notice("Only the person who opened this case or the helpdesk can answer its"
                    + " questions. Reply here to add what you know."));
            return;
        }
        // One answer per card, however often (or on however many instances) it is clicked.
        if (!store.firstDelivery(PLATFORM, fit("click:" + a.conversationId() + ":" + a.replyToId().get()))) {
            return;
        }
        connector.typing(place.conversation());
        ChatCore.Turn turn = core.handle(InboundMessage.answer(identity(a), linked.get().caseId(), questionId, value));
        if (turn.outcome() instanceof TurnOutcome.Replied) {
            Optional<Question> question = core.conversations().questions().stream()
                    .filter(q -> q.id().equals(questionId)).findFirst();
            String label = question.flatMap(q -> q.options().stream().filter(o -> o.value().equals(value))
                    .findFirst()).map(Question.Option::label).orElse(value);
            connector.update(place.conversation(), a.replyToId().get(), cards.answered(a.userName(),
                    question.map(Question::text).orElse(questionId), label));
        }
        answer(place, turn);
    }

    /** Sends what came of a turn; when probes run, the ladder and then the settled answer follow. */
    private void answer(Place place, ChatCore.Turn turn) {
        TurnOutcome outcome = turn.outcome();
        if (outcome instanceof TurnOutcome.Replied replied) {
            send(place, cards.reply(replied.reply()));
            cards.question(replied.reply()).ifPresent(card -> send(place, card));
            if (replied.reply().probing()) {
                follow(place, replied.reply(), turn);
            }
        } else if (outcome instanceof TurnOutcome.Rejected rejected) {
            send(place, cards.notice(rejected.message()));
        } else if (outcome instanceof TurnOutcome.CaseFull full) {
            send(place, cards.notice(full.message()));
        } else {
            send(place, cards.notice("That case no longer exists. Paste the error message to start a new one."));
        }
    }

    private void follow(Place place, Reply shown, ChatCore.Turn turn) {
        String caseId = shown.caseId().orElseThrow();
        Optional<String> ladder = send(place, cards.progress(shown.host(), List.of(), Optional.empty(), false));
        ladder.ifPresent(id -> new ProgressLadder(worker, state -> connector.update(place.conversation(), id,
                cards.progress(shown.host(), state.finished(), state.running(), state.done())))
                .follow(core.events(), caseId));
        Optional<String> asked = shown.questions().stream().findFirst().map(Question::id);
        turn.settled().thenAcceptAsync(settled -> settled.ifPresent(reply -> {
            Reply done = reply.withProbing(false);
            send(place, cards.reply(done));
            if (!done.questions().stream().findFirst().map(Question::id).equals(asked)) {
                cards.question(done).ifPresent(card -> send(place, card));
            }
        }), worker).exceptionally(e -> {
            LOG.warn("teams: the probed answer for case {} could not be sent: {}", caseId, e);
            return null;
        });
    }

    private Optional<String> send(Place place, ObjectNode activity) {
        return connector.send(place.conversation(), place.replyTo(), activity);
    }

    /** The tenant, the team and channel (or the chat), the user's AAD object id, and the thread. */
    private static Identity identity(Activity a) {
        String channel = a.team().map(team -> team + "/" + a.channel().orElse(a.conversationBase()))
                .orElse(a.conversationBase());
        return new Identity(Surface.TEAMS, a.tenant(), a.user().orElseThrow(), channel, a.thread(), Optional.empty());
    }

    private static ThreadKey key(Activity a) {
        return new ThreadKey(PLATFORM, fit(a.tenant()), fit(a.conversationBase()), fit(a.thread()));
    }

    /**
     * An id as it fits the platform tables' 120-character columns: itself when short enough, else a digest (chat
     * ids of Teams can be longer), so the same id always gives the same key.
     */
    static String fit(String id) {
        if (id.length() <= KEY_WIDTH) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

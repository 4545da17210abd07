package dev.triage.bot.chat;

import dev.triage.bot.conversation.Identity;
import java.util.Objects;
import java.util.Optional;

/**
 * One message from any surface: who sent it, the case it continues (empty to open one), and what it says.
 *
 * @param who     the sender, stable across their messages
 * @param caseId  the case this continues; empty opens a new case
 * @param content text (a paste, more detail, or a typed answer) or a clicked answer
 */
public record InboundMessage(Identity who, Optional<String> caseId, Content content) {
    public InboundMessage {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(content, "content");
    }

    public static InboundMessage text(Identity who, Optional<String> caseId, String text) {
        return new InboundMessage(who, caseId, new Content.Text(text));
    }

    public static InboundMessage answer(Identity who, String caseId, String questionId, String value) {
        return new InboundMessage(who, Optional.of(caseId), new Content.Answer(questionId, value));
    }

    /** What a message says. */
    public sealed interface Content {
        record Text(String text) implements Content {
        }

        record Answer(String questionId, String value) implements Content {
        }
    }
}

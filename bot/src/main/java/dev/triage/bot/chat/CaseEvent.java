package dev.triage.bot.chat;

import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;

/** Progress of a case after its turn was answered, published so any surface can stream or edit its message. */
public sealed interface CaseEvent {

    String caseId();

    /** A probe step began network or parsing work. */
    record StepStarted(String caseId, String step) implements CaseEvent {
    }

    /** A probe step ended; steps end in ladder order. */
    record StepFinished(String caseId, ProbeOutcome outcome) implements CaseEvent {
    }

    /** The probes ended and the case was answered again with their findings. */
    record Rediagnosed(String caseId, Reply reply) implements CaseEvent {
    }

    /** Nothing is running for the case any more. */
    record Idle(String caseId) implements CaseEvent {
    }
}

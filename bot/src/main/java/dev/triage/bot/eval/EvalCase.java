package dev.triage.bot.eval;

/** One labelled case: what the user wrote and the cause the thread resolved it to. */
public record EvalCase(String id, String text, String cause) {
}

/**
 * Scoring the diagnosis on labelled cases (top-1, top-3, per cause, misses).
 */
package dev.triage.bot.eval;

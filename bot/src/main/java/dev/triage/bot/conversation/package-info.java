/**
 * Platform-free conversations. A case is its stored facts; each turn stores the user's input first and then
 * recomputes the whole reply from all facts, so restarts and replays give the same answer. Pasted text is untrusted.
 */
package dev.triage.bot.conversation;

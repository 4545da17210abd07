/**
 * Live probes as the conversation uses them: the probe scopes (who may probe what from where), the target policy, a
 * per-user rate limit, and an audit entry for every decision.
 */
package dev.triage.bot.probing;

/**
 * Machinery of the rules module: the Drools session, text-signal extraction, ranking and question selection. Not an
 * API; only {@link dev.triage.rules.Diagnoser} uses it. The DRL files live in the same resource package.
 */
package dev.triage.rules.internal;

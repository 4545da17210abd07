/**
 * Machinery of the rules module: the {@code DiagnosisUnit} rule unit (its DRL files live in this resource package, one
 * per concern, compiled to the executable model at build time), text-signal extraction, the parsers of pasted
 * command output and logs ({@code evidence}), ranking and question selection. Not an API; only
 * {@link dev.triage.rules.Diagnoser} uses it.
 */
package dev.triage.rules.internal;

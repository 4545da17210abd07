/**
 * Parsers for the evidence users paste back from their own PC: PowerShell {@code Test-NetConnection}, {@code nslookup},
 * {@code ping}, FreeRDP / Remmina logs and Event Viewer lines. Each parser reads the text once, line by line, never
 * throws on malformed input and yields {@link dev.triage.rules.internal.evidence.UserEvidence} facts for the rules.
 */
package dev.triage.rules.internal.evidence;

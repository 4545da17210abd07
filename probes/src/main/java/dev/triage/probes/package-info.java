/**
 * Read-only network probes of RDP hosts: {@link dev.triage.probes.Prober} (the entry point), its
 * {@link dev.triage.probes.TargetPolicy}, and the typed results ({@link dev.triage.probes.ProbeResult} and its
 * records, gathered in a {@link dev.triage.probes.ProbeReport}). Values are immutable and non-null unless stated;
 * everything under {@code internal} is private to this module.
 */
package dev.triage.probes;

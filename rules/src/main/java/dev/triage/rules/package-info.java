/**
 * The diagnosis engine's API: {@link dev.triage.rules.Diagnoser} turns the facts of a case ({@link
 * dev.triage.rules.CaseFacts}) into ranked causes with evidence, the follow-up questions worth asking and the probes
 * worth running. Everything here is immutable; no method returns or accepts {@code null}.
 */
package dev.triage.rules;

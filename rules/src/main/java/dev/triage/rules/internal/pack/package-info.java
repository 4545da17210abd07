/**
 * Internal: reads knowledge packs' rule data (causes, questions, phrase families and the plain fan-out tables) from
 * the class path or a folder, and reports every problem with the file, line and field.
 */
package dev.triage.rules.internal.pack;

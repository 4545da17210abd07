/**
 * The {@code ./triage} command line: one class per command, exit codes that scripts can rely on, and every
 * failure turned into a message (never a stack trace).
 */
package dev.triage.bot.cli;

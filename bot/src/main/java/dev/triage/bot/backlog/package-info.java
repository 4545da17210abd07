/**
 * Backlog triage: a ticket system's CSV export (Jira, ServiceNow, Zendesk, or named columns) or JSON lines read into
 * tickets, diagnosed on every core with identical texts diagnosed once, and summed up for the backlog report.
 * {@link dev.triage.bot.backlog.BacklogTriage} is the entry; a row the reader cannot use is a value that names its
 * line, never an exception that stops the run.
 */
package dev.triage.bot.backlog;

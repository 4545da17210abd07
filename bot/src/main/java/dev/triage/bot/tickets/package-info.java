/**
 * Sending a case into a ticket system: Jira Cloud, ServiceNow or a signed webhook. {@link
 * dev.triage.bot.tickets.Tickets} picks the target, creates a ticket or comments on the one the case already has,
 * and links it to the case; expected failures of the far side come back as values, never as exceptions.
 */
package dev.triage.bot.tickets;

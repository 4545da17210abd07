/**
 * The Slack surface: Slack's signed requests (events, button clicks, the slash command) on {@code POST /slack/events}
 * or the same over a Socket Mode connection Triage opens, mapped onto the platform-free chat core, and its replies
 * rendered as Block Kit in the conversation's thread. The only package that imports Slack's SDK ({@code com.slack..}).
 */
package dev.triage.bot.chat.slack;

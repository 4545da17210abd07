/**
 * The bot: the composition root ({@link dev.triage.bot.BotApplication}) that wires knowledge, rules, probes, the
 * store and the HTTP server from one configuration. Everything here is platform-free; chat adapters come later.
 */
package dev.triage.bot;

/**
 * The Discord surface: Discord's signed interactions (the {@code /triage} slash command, its modal, answer buttons) on
 * {@code POST /discord/interactions}, mapped onto the platform-free chat core. Each interaction is acknowledged within
 * Discord's 3 s by a deferred response, then its one message is edited in place as the diagnosis, the probe ladder
 * and the re-ranked answer arrive. With {@code DISCORD_GATEWAY=true}, {@link dev.triage.bot.chat.discord.DiscordGateway}
 * also reads messages that @-mention Triage or are sent to it directly, through JDA, and answers in a thread. Only
 * this package speaks Discord's API, and only it imports JDA.
 */
package dev.triage.bot.chat.discord;

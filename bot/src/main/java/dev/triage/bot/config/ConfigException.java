package dev.triage.bot.config;

import dev.triage.bot.BotException;

/** The configuration is invalid; the message names the setting. */
public final class ConfigException extends BotException {
    public ConfigException(String message) {
        super(message);
    }
}

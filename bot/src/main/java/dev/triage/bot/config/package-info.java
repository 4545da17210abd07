/**
 * Configuration: defaults, an optional properties file and environment variables, validated into one record.
 */
package dev.triage.bot.config;

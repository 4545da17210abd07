/**
 * The REST API and the case permalinks, over Javalin. Request bodies are validated before anything runs.
 */
package dev.triage.bot.http;

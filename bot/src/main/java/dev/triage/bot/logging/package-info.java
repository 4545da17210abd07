/**
 * The logging backend behind SLF4J for every logger in the process, Triage's and its libraries': plain lines or one
 * JSON object per line, and the one place where lines are scrubbed, so secrets never appear and pasted or probed
 * text (which exceptions of parsers, drivers and servers echo) appears only at debug level.
 */
package dev.triage.bot.logging;

/**
 * Durable storage: cases as append-only facts, and the probe audit, on H2 (or any JDBC database the Flyway
 * migrations run on). Only this package touches SQL.
 */
package dev.triage.bot.store;

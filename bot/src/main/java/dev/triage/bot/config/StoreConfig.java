package dev.triage.bot.config;

import java.time.Duration;

/**
 * How the database is used and how long it keeps things.
 *
 * @param pool           most database connections open at once ({@code database.pool}, default 32)
 * @param retentionDays  cases are deleted with their facts this many days after their last fact
 *                       ({@code retention.days}, default 90)
 * @param auditDays      probe-audit entries are deleted this many days after they were written
 *                       ({@code retention.audit-days}, default 365); at least {@code retentionDays}
 * @param login          user and password for a database given by URL (environment only; none by default)
 */
public record StoreConfig(int pool, int retentionDays, int auditDays, DatabaseLogin login) {
    public static final int DEFAULT_POOL = 32;
    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final int DEFAULT_AUDIT_DAYS = 365;

    public StoreConfig {
        if (pool < 1 || pool > 1000) {
            throw new ConfigException("database.pool (TRIAGE_DB_POOL) must be 1..1000 connections, not " + pool);
        }
        if (retentionDays < 1) {
            throw new ConfigException("retention.days (TRIAGE_RETENTION_DAYS) must be at least 1, not "
                    + retentionDays);
        }
        if (auditDays < retentionDays) {
            // An audit entry must outlive the case it belongs to, or a deleted probe run could not be accounted for.
            throw new ConfigException("retention.audit-days (TRIAGE_RETENTION_AUDIT_DAYS) is " + auditDays
                    + " but must be at least retention.days (TRIAGE_RETENTION_DAYS), which is " + retentionDays);
        }
        java.util.Objects.requireNonNull(login, "login");
    }

    /** Without a database login. */
    public StoreConfig(int pool, int retentionDays, int auditDays) {
        this(pool, retentionDays, auditDays, DatabaseLogin.NONE);
    }

    public static StoreConfig defaults() {
        return new StoreConfig(DEFAULT_POOL, DEFAULT_RETENTION_DAYS, DEFAULT_AUDIT_DAYS);
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    public Duration auditRetention() {
        return Duration.ofDays(auditDays);
    }
}

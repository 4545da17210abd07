package dev.triage.bot.config;

import java.util.Objects;

/**
 * The login for a database given by URL ({@code TRIAGE_JDBC_USER}, {@code TRIAGE_JDBC_PASSWORD}): from the
 * environment only, like every secret. Empty strings when unset, which is what H2 by URL and a PostgreSQL that
 * trusts local connections expect. {@link #toString()} never shows the password.
 */
public record DatabaseLogin(String user, String password) {
    public static final DatabaseLogin NONE = new DatabaseLogin("", "");

    public DatabaseLogin {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DatabaseLogin[user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}

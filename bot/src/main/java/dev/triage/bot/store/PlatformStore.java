package dev.triage.bot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the chat platform adapters keep beside the cases: which event ids were already delivered (so a platform's
 * retry is recognised on any instance sharing the database) and which case each platform thread belongs to.
 * Thread-safe.
 */
public final class PlatformStore {
    private final DataSource dataSource;
    private final Clock clock;

    public PlatformStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A thread on a platform: Slack's workspace (team id), channel and thread_ts. */
    public record ThreadKey(String platform, String workspace, String channel, String thread) {
        public ThreadKey {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(workspace, "workspace");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(thread, "thread");
        }
    }

    /** The case a thread belongs to, and the platform user who opened it there. */
    public record ThreadCase(String caseId, String openedBy) {
    }

    /**
     * Records the delivery of an event; false when the event id was recorded before (a retry), on this instance or
     * another.
     */
    public boolean firstDelivery(String platform, String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO platform_events (platform, event_id, received_at) VALUES (?, ?, ?)")) {
            insert.setString(1, platform);
            insert.setString(2, eventId);
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Upsert.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new StoreException("could not record the delivery of " + platform + " event " + eventId, e);
        }
    }

    /**
     * Forgets deliveries recorded before {@code before}: platforms retry within minutes, so a day's worth is plenty.
     * Returns how many were deleted.
     */
    public int forgetDeliveries(java.time.Instant before) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM platform_events WHERE received_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not delete old platform event ids", e);
        }
    }

    /** Unlinks the threads whose case retention deleted; returns how many. */
    public int forgetThreadsOfDeletedCases() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM platform_threads t"
                        + " WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = t.case_id)")) {
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not unlink the threads of deleted cases", e);
        }
    }

    public Optional<ThreadCase> caseOf(ThreadKey key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT case_id, opened_by FROM platform_threads"
                        + " WHERE platform = ? AND workspace = ? AND channel = ? AND thread = ?")) {
            bind(select, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new ThreadCase(rows.getString(1), rows.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not look up the case of a " + key.platform() + " thread", e);
        }
    }

    /**
     * Links a thread to a case, replacing an earlier link (whose case was purged). When two first messages of one
     * thread race, the later write wins; both cases exist and the thread continues the later one.
     */
    public void link(ThreadKey key, ThreadCase threadCase) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            Upsert.run(dataSource, c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE platform_threads SET case_id = ?,"
                        + " opened_by = ?, created_at = ? WHERE platform = ? AND workspace = ? AND channel = ?"
                        + " AND thread = ?")) {
                    update.setString(1, threadCase.caseId());
                    update.setString(2, threadCase.openedBy());
                    update.setTimestamp(3, now);
                    bind(update, 4, key);
                    return update.executeUpdate();
                }
            }, c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO platform_threads (platform,"
                        + " workspace, channel, thread, case_id, opened_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    bind(insert, 1, key);
                    insert.setString(5, threadCase.caseId());
                    insert.setString(6, threadCase.openedBy());
                    insert.setTimestamp(7, now);
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StoreException("could not link a " + key.platform() + " thread to case " + threadCase.caseId(),
                    e);
        }
    }

    private static void bind(PreparedStatement statement, ThreadKey key) throws SQLException {
        bind(statement, 1, key);
    }

    /** Binds the key's four parts from parameter {@code first} on. */
    private static void bind(PreparedStatement statement, int first, ThreadKey key) throws SQLException {
        statement.setString(first, key.platform());
        statement.setString(first + 1, key.workspace());
        statement.setString(first + 2, key.channel());
        statement.setString(first + 3, key.thread());
    }
}

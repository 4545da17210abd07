package dev.triage.bot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code probe_claims} table: one probe run per case and target across every instance. Each store is its own
 * owner (a random id), so only the instance holding a claim renews or gives it back.
 */
final class ProbeClaims {
    private final DataSource dataSource;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    ProbeClaims(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** True for the one caller whose insert made the claim, or whose update took over a stale one. */
    boolean claim(String caseId, String target, Duration staleAfter) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO probe_claims (case_id, target, claimed_at, owner) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, caseId);
                insert.setString(2, target);
                insert.setTimestamp(3, now);
                insert.setString(4, owner);
                insert.executeUpdate();
                clearProgress(c, caseId, target);
                return true;
            } catch (SQLException e) {
                if (!Upsert.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            // The row's own lock makes this conditional update a compare-and-set: one taker at most.
            try (PreparedStatement takeOver = c.prepareStatement("UPDATE probe_claims SET claimed_at = ?, owner = ?"
                    + " WHERE case_id = ? AND target = ? AND claimed_at < ?")) {
                takeOver.setTimestamp(1, now);
                takeOver.setString(2, owner);
                takeOver.setString(3, caseId);
                takeOver.setString(4, target);
                takeOver.setTimestamp(5, Timestamp.from(clock.instant().minus(staleAfter)));
                if (takeOver.executeUpdate() != 1) {
                    return false;
                }
            }
            clearProgress(c, caseId, target); // the dead instance's steps; the new run makes its own
            return true;
        }
    }

    /**
     * Moves this owner's claim's time to now, so a run longer than the lease keeps it; false when the claim is gone
     * or another instance took it over.
     */
    boolean renew(String caseId, String target) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE probe_claims SET claimed_at = ? WHERE case_id = ? AND target = ? AND owner = ?")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, caseId);
            update.setString(3, target);
            update.setString(4, owner);
            return update.executeUpdate() == 1;
        }
    }

    /** Gives this owner's claim back; another instance's claim on the same target stays. */
    void release(String caseId, String target) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM probe_claims WHERE case_id = ? AND target = ? AND owner = ?")) {
            delete.setString(1, caseId);
            delete.setString(2, target);
            delete.setString(3, owner);
            delete.executeUpdate();
        }
    }

    /** Stores the run's step number {@code seq} (from 0) as it ends. */
    void recordStep(String caseId, String target, int seq, String step) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO probe_progress (case_id, target, seq, step) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, caseId);
            insert.setString(2, target);
            insert.setInt(3, seq);
            insert.setString(4, step);
            insert.executeUpdate();
        }
    }

    /** The run's stored steps from number {@code from} on, in order. */
    List<String> steps(String caseId, String target, int from) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT step FROM probe_progress WHERE case_id = ? AND target = ? AND seq >= ? ORDER BY seq")) {
            select.setString(1, caseId);
            select.setString(2, target);
            select.setInt(3, from);
            List<String> steps = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    steps.add(rows.getString(1));
                }
            }
            return steps;
        }
    }

    private static void clearProgress(Connection c, String caseId, String target) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM probe_progress WHERE case_id = ? AND target = ?")) {
            delete.setString(1, caseId);
            delete.setString(2, target);
            delete.executeUpdate();
        }
    }

    List<String> fresh(String caseId, Duration staleAfter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT target FROM probe_claims WHERE case_id = ? AND claimed_at >= ? ORDER BY claimed_at")) {
            select.setString(1, caseId);
            select.setTimestamp(2, Timestamp.from(clock.instant().minus(staleAfter)));
            List<String> targets = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    targets.add(rows.getString(1));
                }
            }
            return targets;
        }
    }
}

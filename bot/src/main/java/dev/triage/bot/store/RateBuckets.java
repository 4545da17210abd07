package dev.triage.bot.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Token buckets in the database ({@code rate_buckets}), shared by every instance on it: a bucket holds
 * {@code capacity} tokens and regains one every {@code refillEvery}. {@link #take} charges several buckets at once,
 * all or none, under row locks, so instances racing for the last token get it once. Thread-safe.
 */
public final class RateBuckets {
    // Two instances inserting the same new bucket at once: the loser tries again, and then finds the row.
    private static final int ATTEMPTS = 3;
    private final DataSource dataSource;
    private final Clock clock;

    public RateBuckets(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** One bucket: what it limits (any text; stored only as a hash), its size and refill period. */
    public record Bucket(String key, int capacity, Duration refillEvery) {
        public Bucket {
            Objects.requireNonNull(key, "key");
            if (capacity < 1 || refillEvery.isZero() || refillEvery.isNegative()) {
                throw new IllegalArgumentException("a bucket needs a capacity and a refill period: " + key);
            }
        }
    }

    /**
     * Takes a token from every bucket, or from none: empty when taken, else how long until all of them have one.
     */
    public Optional<Duration> take(List<Bucket> buckets) {
        for (int attempt = 1; ; attempt++) {
            try {
                return takeOnce(buckets);
            } catch (SQLException e) {
                if (!Upsert.UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw new StoreException("could not charge the probe rate limits", e);
                }
            }
        }
    }

    /** Deletes buckets not charged since {@code before}: a bucket idle longer than it takes to refill is full. */
    public int forgetIdle(Instant before) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM rate_buckets WHERE refilled_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not delete idle rate buckets", e);
        }
    }

    private Optional<Duration> takeOnce(List<Bucket> buckets) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Level> levels = new ArrayList<>();
                // Locked in one order (by hash) everywhere, so two takers never wait for each other in a circle.
                List<Bucket> ordered = buckets.stream().sorted(Comparator.comparing(b -> hash(b.key()))).toList();
                for (Bucket bucket : ordered) {
                    levels.add(locked(c, bucket, now).refilled(now));
                }
                Optional<Duration> wait = levels.stream().filter(l -> l.tokens() == 0)
                        .map(l -> l.untilNext(now)).max(Comparator.naturalOrder());
                if (wait.isEmpty()) {
                    for (Level level : levels) {
                        store(c, level);
                    }
                }
                c.commit();
                return wait;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The bucket's row, locked until the transaction ends; a bucket without a row is full. */
    private static Level locked(Connection c, Bucket bucket, Instant now) throws SQLException {
        String hash = hash(bucket.key());
        try (PreparedStatement select = c.prepareStatement(
                "SELECT tokens, refilled_at FROM rate_buckets WHERE bucket = ? FOR UPDATE")) {
            select.setString(1, hash);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return new Level(bucket, hash, row.getInt(1), row.getTimestamp(2).toInstant(), true);
                }
            }
        }
        return new Level(bucket, hash, bucket.capacity(), now, false);
    }

    /** Stores the level less the token taken. */
    private static void store(Connection c, Level level) throws SQLException {
        String sql = level.stored() ? "UPDATE rate_buckets SET tokens = ?, refilled_at = ? WHERE bucket = ?"
                : "INSERT INTO rate_buckets (tokens, refilled_at, bucket) VALUES (?, ?, ?)";
        try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setInt(1, level.tokens() - 1);
            write.setTimestamp(2, Timestamp.from(level.refilledAt()));
            write.setString(3, level.hash());
            write.executeUpdate();
        }
    }

    /** A bucket's tokens as of {@code refilledAt}; {@code stored} when it has a row. */
    private record Level(Bucket bucket, String hash, int tokens, Instant refilledAt, boolean stored) {
        /** The level with the tokens earned since the last refill (the same arithmetic as the probes' RateLimiter). */
        Level refilled(Instant now) {
            Bucket b = bucket;
            if (!now.isAfter(refilledAt)) {
                return this;
            }
            long earned = Duration.between(refilledAt, now).toNanos() / b.refillEvery().toNanos();
            if (earned == 0) {
                return this;
            }
            if (tokens + earned >= b.capacity()) {
                return new Level(bucket, hash, b.capacity(), now, stored);
            }
            return new Level(bucket, hash, tokens + (int) earned, refilledAt.plus(b.refillEvery().multipliedBy(earned)),
                    stored);
        }

        Duration untilNext(Instant now) {
            Duration wait = Duration.between(now, refilledAt.plus(bucket.refillEvery()));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

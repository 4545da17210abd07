package dev.triage.bot.store;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link CaseStore} over JDBC: H2 by default, any database the migrations run on. */
public final class JdbcCaseStore implements CaseStore {
    // Case ids are permalinks: unguessable, URL-safe, unambiguous when read aloud (no 0/o, 1/l).
    private static final char[] ID_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyz".toCharArray();
    private static final int ID_LENGTH = 12;
    // Cases deleted per transaction, so a first purge of a large backlog does not hold every lock at once.
    private static final int PURGE_BATCH = 500;
    // When case c was last written to: its newest fact, or its creation when it has none.
    private static final String LAST_TOUCHED =
            "COALESCE((SELECT MAX(f.created_at) FROM case_facts f WHERE f.case_id = c.id), c.created_at)";

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final CaseSummaries summaries;
    private final ProbeClaims claims;

    public JdbcCaseStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.summaries = new CaseSummaries(dataSource, clock);
        this.claims = new ProbeClaims(dataSource, clock);
    }

    @Override
    public StoredCase create(String origin) {
        String id = newId();
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO cases (id, created_at, origin) VALUES (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setString(3, origin);
            insert.executeUpdate();
            return new StoredCase(id, now, origin, List.of());
        } catch (SQLException e) {
            throw new StoreException("could not create a case", e);
        }
    }

    @Override
    public Appended append(String caseId, List<NewFact> facts, CaseLimits limits) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Appended result = appendLocked(c, caseId, facts, limits);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not append to case " + caseId, e);
        }
    }

    private Appended appendLocked(Connection c, String caseId, List<NewFact> facts, CaseLimits limits)
            throws SQLException {
        Optional<long[]> size = lockCase(c, caseId);
        if (size.isEmpty()) {
            return new Appended.NoSuchCase();
        }
        int count = (int) size.get()[0];
        long bytes = size.get()[1];
        long adding = facts.stream().mapToLong(f -> f.payload().getBytes(StandardCharsets.UTF_8).length).sum();
        if (count + facts.size() > limits.maxFacts()) {
            return new Appended.Full("This case already holds " + count + " messages, the most one case may hold.");
        }
        if (bytes + adding > limits.maxInputBytes()) {
            return new Appended.Full(String.format("This case already holds %,d bytes of text; this message would"
                    + " pass the limit of %,d.", bytes, limits.maxInputBytes()));
        }
        // seq is gap-free from 0, so the count is the next seq.
        int first = count;
        insertFacts(c, caseId, first, facts);
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE cases SET fact_count = ?, input_bytes = ? WHERE id = ?")) {
            update.setInt(1, count + facts.size());
            update.setLong(2, bytes + adding);
            update.setString(3, caseId);
            update.executeUpdate();
        }
        return new Appended.Stored(first + facts.size() - 1, count + facts.size(), bytes + adding);
    }

    @Override
    public List<Fact> factsAfter(String caseId, int afterSeq) {
        try (Connection c = dataSource.getConnection()) {
            return facts(c, caseId, afterSeq);
        } catch (SQLException e) {
            throw new StoreException("could not read case " + caseId, e);
        }
    }

    @Override
    public Optional<StoredCase> find(String caseId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, caseId);
        } catch (SQLException e) {
            throw new StoreException("could not read case " + caseId, e);
        }
    }

    @Override
    public void summarise(String caseId, CaseSummary summary) {
        summaries.write(caseId, summary);
    }

    @Override
    public List<CaseListing> recentCases(String query, int offset, int limit) {
        return summaries.search(query, offset, limit);
    }

    @Override
    public void audit(AuditEntry e) {
        String sql = "INSERT INTO probe_audit (at, actor, case_id, target, address, decision, reason, results,"
                + " surface, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setTimestamp(1, Timestamp.from(e.at()));
            insert.setString(2, e.actor());
            insert.setString(3, e.caseId().orElse(null));
            insert.setString(4, e.target());
            insert.setString(5, e.address().orElse(null));
            insert.setString(6, e.decision());
            insert.setString(7, e.reason());
            insert.setString(8, e.results().orElse(null));
            insert.setString(9, e.surface());
            insert.setString(10, e.place());
            insert.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("could not write the probe audit", ex);
        }
    }

    @Override
    public void recordFeedback(String caseId, String articleId, int step, boolean worked) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            Upsert.run(dataSource, c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE fix_feedback SET worked = ?, at = ?"
                        + " WHERE case_id = ? AND article = ? AND step = ?")) {
                    update.setBoolean(1, worked);
                    update.setTimestamp(2, now);
                    update.setString(3, caseId);
                    update.setString(4, articleId);
                    update.setInt(5, step);
                    return update.executeUpdate();
                }
            }, c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO fix_feedback (case_id, article, step,"
                        + " worked, at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, caseId);
                    insert.setString(2, articleId);
                    insert.setInt(3, step);
                    insert.setBoolean(4, worked);
                    insert.setTimestamp(5, now);
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StoreException("could not record feedback on case " + caseId, e);
        }
    }

    @Override
    public List<FixTally> fixTallies(java.util.Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(articleIds.size(), "?"));
        String sql = "SELECT article, step, SUM(CASE WHEN worked THEN 1 ELSE 0 END), COUNT(*) FROM fix_feedback"
                + " WHERE article IN (" + marks + ") GROUP BY article, step";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            int i = 1;
            for (String id : articleIds) {
                q.setString(i++, id);
            }
            List<FixTally> tallies = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tallies.add(new FixTally(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                }
            }
            return tallies;
        } catch (SQLException e) {
            throw new StoreException("could not read fix feedback", e);
        }
    }

    @Override
    public boolean claimProbe(String caseId, String target, Duration staleAfter) {
        try {
            return claims.claim(caseId, target, staleAfter);
        } catch (SQLException e) {
            throw new StoreException("could not claim the probing of " + target + " in case " + caseId, e);
        }
    }

    @Override
    public boolean renewProbe(String caseId, String target) {
        try {
            return claims.renew(caseId, target);
        } catch (SQLException e) {
            throw new StoreException("could not renew the probing claim in case " + caseId, e);
        }
    }

    @Override
    public void recordProbeStep(String caseId, String target, int seq, String step) {
        try {
            claims.recordStep(caseId, target, seq, step);
        } catch (SQLException e) {
            throw new StoreException("could not store a probe step of case " + caseId, e);
        }
    }

    @Override
    public List<String> probeSteps(String caseId, String target, int from) {
        try {
            return claims.steps(caseId, target, from);
        } catch (SQLException e) {
            throw new StoreException("could not read the probe steps of case " + caseId, e);
        }
    }

    @Override
    public void releaseProbe(String caseId, String target) {
        try {
            claims.release(caseId, target);
        } catch (SQLException e) {
            throw new StoreException("could not release the probing of " + target + " in case " + caseId, e);
        }
    }

    @Override
    public List<String> probeClaims(String caseId, Duration staleAfter) {
        try {
            return claims.fresh(caseId, staleAfter);
        } catch (SQLException e) {
            throw new StoreException("could not read the probe claims of case " + caseId, e);
        }
    }

    @Override
    public List<AuditEntry> auditTrail(String caseId) {
        return queryAudit(" WHERE case_id = ? ORDER BY id", caseId, "of case " + caseId);
    }

    @Override
    public List<AuditEntry> recentAudit(int limit) {
        return queryAudit(" ORDER BY id DESC LIMIT " + Math.max(0, limit), null, "");
    }

    private List<AuditEntry> queryAudit(String where, String caseId, String what) {
        String sql = "SELECT at, actor, case_id, target, address, decision, reason, results, surface, channel"
                + " FROM probe_audit" + where;
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            if (caseId != null) {
                query.setString(1, caseId);
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            Optional.ofNullable(rs.getString(3)), rs.getString(4),
                            Optional.ofNullable(rs.getString(5)), rs.getString(6), rs.getString(7),
                            Optional.ofNullable(rs.getString(8)), rs.getString(9), rs.getString(10)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("could not read the probe audit " + what, e);
        }
    }

    /**
     * Deletes the cases last touched before {@code casesBefore}, with their facts, and the audit entries written
     * before {@code auditBefore}. A case is as old as its newest fact, so a conversation someone came back to stays.
     * Audit entries of deleted cases stay until their own cut-off: the audit is kept longer than the conversations.
     */
    public Purged purge(Instant casesBefore, Instant auditBefore) {
        int cases = 0;
        int facts = 0;
        try (Connection c = dataSource.getConnection()) {
            List<String> batch;
            do {
                batch = expiredCases(c, casesBefore);
                facts += deleteCases(c, batch, casesBefore);
                cases += batch.size();
            } while (batch.size() == PURGE_BATCH);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM probe_audit WHERE at < ?")) {
                delete.setTimestamp(1, Timestamp.from(auditBefore));
                return new Purged(cases, facts, delete.executeUpdate());
            }
        } catch (SQLException e) {
            throw new StoreException("could not purge cases before " + casesBefore + " and the probe audit before "
                    + auditBefore, e);
        }
    }

    private static List<String> expiredCases(Connection c, Instant before) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM cases c WHERE " + LAST_TOUCHED + " < ? LIMIT "
                + PURGE_BATCH)) {
            q.setTimestamp(1, Timestamp.from(before));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /**
     * Deletes the cases with their facts and fix feedback in one transaction. Each case is locked as an append locks it and checked
     * again, so a case someone wrote to since it was selected stays.
     */
    private static int deleteCases(Connection c, List<String> ids, Instant before) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement facts = c.prepareStatement("DELETE FROM case_facts WHERE case_id = ?");
                PreparedStatement feedback = c.prepareStatement("DELETE FROM fix_feedback WHERE case_id = ?");
                PreparedStatement claimed = c.prepareStatement("DELETE FROM probe_claims WHERE case_id = ?");
                PreparedStatement progress = c.prepareStatement("DELETE FROM probe_progress WHERE case_id = ?");
                PreparedStatement cases = c.prepareStatement("DELETE FROM cases WHERE id = ?")) {
            int deleted = 0;
            for (String id : ids) {
                if (lockCase(c, id).isPresent() && lastTouchedBefore(c, id, before)) {
                    facts.setString(1, id);
                    deleted += facts.executeUpdate();
                    feedback.setString(1, id);
                    feedback.executeUpdate();
                    claimed.setString(1, id);
                    claimed.executeUpdate();
                    progress.setString(1, id);
                    progress.executeUpdate();
                    cases.setString(1, id);
                    cases.executeUpdate();
                }
            }
            c.commit();
            return deleted;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static boolean lastTouchedBefore(Connection c, String caseId, Instant before) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + LAST_TOUCHED + " < ? FROM cases c WHERE id = ?")) {
            q.setTimestamp(1, Timestamp.from(before));
            q.setString(2, caseId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Serialises appends to one case, so sequence numbers stay gap-free under concurrency; returns the case's fact
     * count and bytes, or empty when there is no such case.
     */
    private static Optional<long[]> lockCase(Connection c, String caseId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT fact_count, input_bytes FROM cases WHERE id = ? FOR UPDATE")) {
            lock.setString(1, caseId);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() ? Optional.of(new long[] {rs.getLong(1), rs.getLong(2)}) : Optional.empty();
            }
        }
    }

    private void insertFacts(Connection c, String caseId, int firstSeq, List<NewFact> facts) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO case_facts (case_id, seq, kind, payload, created_at) VALUES (?, ?, ?, ?, ?)")) {
            int seq = firstSeq;
            for (NewFact fact : facts) {
                insert.setString(1, caseId);
                insert.setInt(2, seq++);
                insert.setString(3, fact.kind().name());
                insert.setString(4, fact.payload());
                insert.setTimestamp(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Optional<StoredCase> find(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT created_at, origin FROM cases WHERE id = ?")) {
            q.setString(1, caseId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredCase(caseId, rs.getTimestamp(1).toInstant(), rs.getString(2),
                        facts(c, caseId, -1)));
            }
        }
    }

    private static List<Fact> facts(Connection c, String caseId, int afterSeq) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT seq, kind, payload, created_at FROM case_facts"
                + " WHERE case_id = ? AND seq > ? ORDER BY seq")) {
            q.setString(1, caseId);
            q.setInt(2, afterSeq);
            List<Fact> facts = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    facts.add(new Fact(rs.getInt(1), FactKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return facts;
        }
    }

    private String newId() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}

package dev.triage.bot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code case_summary} table behind the case list and its search.
 *
 * <p>Search is {@code LIKE '%word%'} over one lower-cased column, every word required. That is a full scan, which is
 * fine for a helpdesk's thousands of cases (each row holds at most about 4 kB); if it ever is not, the column is the
 * one to give a full-text index.
 */
final class CaseSummaries {
    private static final int MAX_WORDS = 8;
    private static final String LIST = "SELECT c.id, c.created_at, c.origin, s.cause_id, s.cause_title, s.codes,"
            + " s.host, s.text_head, s.case_id FROM cases c LEFT JOIN case_summary s ON s.case_id = c.id";

    private final DataSource dataSource;
    private final Clock clock;

    CaseSummaries(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void write(String caseId, CaseSummary summary) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // Holding the case's row serialises two turns' writes, so update-else-insert cannot race itself.
                if (lock(c, caseId) && update(c, caseId, summary) == 0) {
                    insert(c, caseId, summary);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not write the summary of case " + caseId, e);
        }
    }

    List<CaseListing> search(String query, int offset, int limit) {
        List<String> words = words(query);
        StringBuilder sql = new StringBuilder(LIST);
        for (int i = 0; i < words.size(); i++) {
            sql.append(i == 0 ? " WHERE" : " AND").append(" s.search_text LIKE ? ESCAPE '\\'");
        }
        sql.append(" ORDER BY c.created_at DESC, c.id LIMIT ? OFFSET ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (String word : words) {
                q.setString(p++, "%" + likeEscaped(word) + "%");
            }
            q.setInt(p++, Math.max(0, limit));
            q.setInt(p, Math.max(0, offset));
            List<CaseListing> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(listing(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("could not list cases", e);
        }
    }

    /** The query's words, lower-cased; the first few only, so a pasted novel cannot build a huge statement. */
    static List<String> words(String query) {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).strip().split("\\s+")).filter(w -> !w.isEmpty())
                .limit(MAX_WORDS).toList();
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static CaseListing listing(ResultSet rs) throws SQLException {
        Optional<CaseSummary> summary = Optional.empty();
        if (rs.getString(9) != null) {
            String codes = rs.getString(6);
            summary = Optional.of(new CaseSummary(Optional.ofNullable(rs.getString(4)),
                    Optional.ofNullable(rs.getString(5)), codes.isEmpty() ? List.of() : List.of(codes.split(" ")),
                    Optional.ofNullable(rs.getString(7)), rs.getString(8)));
        }
        return new CaseListing(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), summary);
    }

    /**
     * The text without NUL characters, which PostgreSQL refuses in text columns; a paste may carry a few. Facts
     * are JSON, where Jackson writes them escaped, so only the summary needs this.
     */
    private static String storable(String text) {
        return text.replace('\u0000', '\uFFFD');
    }

    private static boolean lock(Connection c, String caseId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM cases WHERE id = ? FOR UPDATE")) {
            lock.setString(1, caseId);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next();
            }
        }
    }

    private int update(Connection c, String caseId, CaseSummary s) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE case_summary SET updated_at = ?, cause_id = ?,"
                + " cause_title = ?, codes = ?, host = ?, text_head = ?, search_text = ? WHERE case_id = ?")) {
            bind(update, s);
            update.setString(8, caseId);
            return update.executeUpdate();
        }
    }

    private void insert(Connection c, String caseId, CaseSummary s) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO case_summary (updated_at, cause_id,"
                + " cause_title, codes, host, text_head, search_text, case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, s);
            insert.setString(8, caseId);
            insert.executeUpdate();
        }
    }

    private void bind(PreparedStatement st, CaseSummary given) throws SQLException {
        CaseSummary s = new CaseSummary(given.causeId(), given.causeTitle(), given.codes(),
                given.host().map(CaseSummaries::storable), storable(given.text()));
        String codes = String.join(" ", s.codes());
        st.setTimestamp(1, Timestamp.from(clock.instant()));
        st.setString(2, s.causeId().orElse(null));
        st.setString(3, s.causeTitle().orElse(null));
        st.setString(4, codes);
        st.setString(5, s.host().orElse(null));
        st.setString(6, s.text());
        st.setString(7, String.join("\n", s.causeId().orElse(""), s.causeTitle().orElse(""), codes,
                s.host().orElse(""), s.text()).toLowerCase(Locale.ROOT));
    }
}

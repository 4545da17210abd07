package dev.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.triage.bot.store.TestDatabases.Kind;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Kind.class)
class CaseSummariesTest {
    @Parameter
    Kind kind;
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();
    Database db;
    CaseStore store;
    // Each case opens a second after the previous one, so "newest first" is decided by time, not by luck.
    final AtomicLong seconds = new AtomicLong();

    @BeforeEach
    void open() {
        db = databases.open(kind);
        Clock ticking = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.parse("2026-12-01T10:00:00Z").plusSeconds(seconds.incrementAndGet());
            }
        };
        store = new JdbcCaseStore(db.dataSource(), ticking);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void searchMatchesCauseCodesHostAndWordsEveryWordRequired() {
        String expired = opened("cert.expired", "The server's RDP certificate expired and was not renewed",
                List.of("0x904", "0x7"), "rdp01.corp.example", "Error code: 0x904\nExtended error code: 0x7");
        String nla = opened("auth.nla-required", "The server requires Network Level Authentication", List.of(),
                "jump02", "CredSSP error when connecting");

        assertThat(ids("0x904")).containsExactly(expired);
        assertThat(ids("CERT.EXPIRED")).containsExactly(expired);
        assertThat(ids("rdp01")).containsExactly(expired);
        assertThat(ids("certificate expired")).containsExactly(expired);
        assertThat(ids("certificate credssp")).isEmpty();
        assertThat(ids("credssp")).containsExactly(nla);
        assertThat(ids("  ")).containsExactly(nla, expired);
    }

    @Test
    void likeWildcardsInAQueryAreLiteral() {
        String percent = opened("x.y", "t", List.of(), null, "disk 100% full");
        opened("x.y", "t", List.of(), null, "nothing special here");

        assertThat(ids("%")).containsExactly(percent);
        assertThat(ids("_")).isEmpty();
        assertThat(ids("100\\")).isEmpty();
    }

    @Test
    void aNulInThePasteIsListedAsAReplacementCharacter() {
        String id = opened(null, null, List.of(), null, "before\u0000after");

        assertThat(store.recentCases("", 0, 10).get(0).summary().orElseThrow().text()).isEqualTo("before\uFFFDafter");
        assertThat(ids("after")).containsExactly(id);
    }

    @Test
    void aNewSummaryReplacesTheOldOne() {
        String id = opened(null, null, List.of(), null, "first words");
        store.summarise(id, new CaseSummary(Optional.of("cert.expired"), Optional.of("Expired"), List.of("0x907"),
                Optional.empty(), "first words\nmore words"));

        assertThat(ids("0x907")).containsExactly(id);
        CaseListing row = store.recentCases("", 0, 10).get(0);
        assertThat(row.summary().orElseThrow().causeId()).contains("cert.expired");
        assertThat(row.summary().orElseThrow().text()).isEqualTo("first words\nmore words");
    }

    @Test
    void aCaseWithoutSummaryIsListedButMatchesNoSearch() {
        StoredCase bare = store.create("test");

        assertThat(store.recentCases("", 0, 10)).extracting(CaseListing::caseId).containsExactly(bare.id());
        assertThat(store.recentCases("", 0, 10).get(0).summary()).isEmpty();
        assertThat(ids("test")).isEmpty();
    }

    @Test
    void pagesAreNewestFirstAndDisjoint() {
        String a = opened(null, null, List.of(), null, "a");
        String b = opened(null, null, List.of(), null, "b");
        String c = opened(null, null, List.of(), null, "c");

        assertThat(store.recentCases("", 0, 2)).extracting(CaseListing::caseId).containsExactly(c, b);
        assertThat(store.recentCases("", 2, 2)).extracting(CaseListing::caseId).containsExactly(a);
    }

    @Test
    void summaryTextIsCutAtTwoThousandCharacters() {
        CaseSummary s = new CaseSummary(Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                "x".repeat(1999) + "😀");
        assertThat(s.text()).hasSize(1999);
        assertThat(new CaseSummary(Optional.empty(), Optional.empty(), java.util.Collections.nCopies(400, "0x904"),
                Optional.empty(), "").codes()).hasSize(166);
        String id = opened(null, null, List.of(), null, "y".repeat(5000));
        assertThat(store.recentCases("", 0, 1).get(0).summary().orElseThrow().text()).hasSize(2000);
        assertThat(id).isNotEmpty();
    }

    @Test
    void summarisingAMissingCaseChangesNothing() {
        store.summarise("nosuchcase", new CaseSummary(Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), "x"));
        assertThat(store.recentCases("", 0, 10)).isEmpty();
    }

    private String opened(String cause, String title, List<String> codes, String host, String text) {
        String id = store.create("test").id();
        store.summarise(id, new CaseSummary(Optional.ofNullable(cause), Optional.ofNullable(title), codes,
                Optional.ofNullable(host), text));
        return id;
    }

    private List<String> ids(String query) {
        return store.recentCases(query, 0, 50).stream().map(CaseListing::caseId).toList();
    }
}

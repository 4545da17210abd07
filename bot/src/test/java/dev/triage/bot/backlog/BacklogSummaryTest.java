package dev.triage.bot.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BacklogSummaryTest {
    private static final BacklogRow.Cause EXPIRED = new BacklogRow.Cause("auth.expired", "Account expired", 0.8);
    private static final BacklogRow.Cause CERT = new BacklogRow.Cause("cert.expired", "Certificate expired", 0.5);

    @Test
    void countsLeadingCausesLargestFirstWithUndeterminedTicketsInTheirOwnGroup() {
        BacklogSummary summary = BacklogSummary.of(List.of(row(1, CERT, "a"), row(2, EXPIRED, null),
                row(3, EXPIRED, null), failed(4)), List.of(new Skipped(5, "broken")));

        assertThat(summary.causes()).extracting(BacklogSummary.CauseCount::id, c -> c.rows().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("auth.expired", 2),
                        org.assertj.core.groups.Tuple.tuple("cert.expired", 1),
                        org.assertj.core.groups.Tuple.tuple(BacklogSummary.UNDETERMINED, 1));
        assertThat(summary.diagnosed()).isEqualTo(3);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.skipped()).hasSize(1);
    }

    @Test
    void aHostInSeveralTicketsIsOneServerWhateverItsCaseAndGroupsNeedTheSameCauseToo() {
        BacklogSummary summary = BacklogSummary.of(List.of(row(1, EXPIRED, "RDS01.corp"), row(2, EXPIRED, "rds01.corp"),
                row(3, CERT, "rds01.corp"), row(4, CERT, "other.corp"), row(5, EXPIRED, null)), List.of());

        assertThat(summary.hosts()).hasSize(1);
        assertThat(summary.hosts().get(0).host()).isEqualTo("RDS01.corp");
        assertThat(summary.hosts().get(0).rows()).extracting(BacklogRow::line).containsExactly(1, 2, 3);
        assertThat(summary.groups()).hasSize(1);
        assertThat(summary.groups().get(0).causeId()).isEqualTo("auth.expired");
        assertThat(summary.groups().get(0).rows()).extracting(BacklogRow::line).containsExactly(1, 2);
    }

    @Test
    void aCodeCountsOncePerTicketNoMatterHowOftenTheTicketNamesIt() {
        BacklogRow twice = new BacklogRow(1, "T-1", "s", List.of(EXPIRED),
                List.of(new BacklogRow.Code("0x904", "x"), new BacklogRow.Code("0x904", "x")), Optional.empty(),
                Optional.empty());
        BacklogSummary summary = BacklogSummary.of(List.of(twice, row(2, EXPIRED, null)), List.of());

        assertThat(summary.codes()).extracting(BacklogSummary.CodeCount::code, BacklogSummary.CodeCount::tickets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0x904", 2));
    }

    private static BacklogRow row(int line, BacklogRow.Cause cause, String host) {
        return new BacklogRow(line, "T-" + line, "summary " + line, List.of(cause),
                List.of(new BacklogRow.Code("0x904", "disconnectReasonAtClientWinsockFDCLOSE")),
                Optional.ofNullable(host), Optional.empty());
    }

    private static BacklogRow failed(int line) {
        return new BacklogRow(line, "T-" + line, "", List.of(), List.of(), Optional.empty(),
                Optional.of("Nothing to diagnose"));
    }
}

package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyTalliesTest {
    static Reply reply(double first, double second) {
        return new Reply(Optional.of("c1"), List.of(), List.of(new Reply.Cause("a", "A", first, List.of()),
                new Reply.Cause("b", "B", second, List.of())), List.of(new Reply.Fix("a", "art-a", List.of("x")),
                new Reply.Fix("b", "art-b", List.of("y"))), List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), false, Optional.empty());
    }

    static Reply.Tally tally(String article, int step) {
        return article.equals("art-b") ? new Reply.Tally(7, 9) : new Reply.Tally(1, 5);
    }

    @Test
    void fixesOfEquallyRankedCausesAreOrderedByHowOftenTheyWorked() {
        Reply counted = reply(0.3, 0.3).withTallies(ReplyTalliesTest::tally);
        assertThat(counted.fixes()).extracting(Reply.Fix::cause).containsExactly("b", "a");
        assertThat(counted.fixes().get(0).tallies()).containsExactly(new Reply.Tally(7, 9));
    }

    @Test
    void theRulesOrderStandsWhenTheCausesAreNotTied() {
        Reply counted = reply(0.4, 0.3).withTallies(ReplyTalliesTest::tally);
        assertThat(counted.fixes()).extracting(Reply.Fix::cause).containsExactly("a", "b");
    }
}

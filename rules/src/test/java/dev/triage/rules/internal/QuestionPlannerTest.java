package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionPlannerTest {
    private final QuestionPlanner planner = new QuestionPlanner(QuestionCatalog.of(Packs.bundled()));

    /** Two equally likely causes; "vpn=vpn" favours one of them, "environment=azure" lifts both alike. */
    private static List<Contribution> contributions() {
        List<Contribution> all = new ArrayList<>();
        all.add(new Contribution("net.vpn-unstable", 6, "s", "fact", false));
        all.add(new Contribution("cert.expired", 6, "s", "fact", false));
        all.add(new Contribution("net.vpn-unstable", 8, "a", new Answer("vpn", "vpn", true), true));
        all.add(new Contribution("net.vpn-unstable", 5, "a", new Answer("environment", "azure", true), true));
        all.add(new Contribution("cert.expired", 5, "a", new Answer("environment", "azure", true), true));
        return all;
    }

    @Test
    void questionThatSeparatesTheLeadersComesFirst() {
        List<Contribution> all = contributions();
        List<Question> plan = planner.plan(List.of(new Wanted("environment", "r"), new Wanted("vpn", "r")),
                Ranking.of(all), all, Map.of());
        assertThat(plan).extracting(Question::id).containsExactly("vpn", "environment");
    }

    @Test
    void freeTextQuestionRanksBelowAnInformativeOne() {
        List<Contribution> all = contributions();
        List<Question> plan = planner.plan(List.of(new Wanted("target-host", "r"), new Wanted("vpn", "r")),
                Ranking.of(all), all, Map.of());
        assertThat(plan).extracting(Question::id).containsExactly("vpn", "target-host");
    }

    @Test
    void answeredAndUnknownQuestionsAreDropped() {
        List<Contribution> all = contributions();
        List<Question> plan = planner.plan(List.of(new Wanted("vpn", "r"), new Wanted("no-such", "r")),
                Ranking.of(all), all, Map.of("vpn", "direct"));
        assertThat(plan).isEmpty();
    }

    @Test
    void tiesAreBrokenByCatalogOrder() {
        List<Contribution> all = List.of(new Contribution("cert.expired", 6, "s", "fact", false));
        List<Question> plan = planner.plan(List.of(new Wanted("port", "r"), new Wanted("environment", "r")),
                Ranking.of(all), all, Map.of());
        assertThat(plan).extracting(Question::id).containsExactly("environment", "port");
    }

    /**
     * Two questions with the same split of the leaders, one that half of the people cannot answer: the one people
     * can answer comes first, although the other's options would move the leaders further.
     */
    @Test
    void questionPeopleCannotAnswerRanksBelowOneTheyCan() {
        List<Contribution> all = new ArrayList<>();
        all.add(new Contribution("net.vpn-unstable", 6, "s", "fact", false));
        all.add(new Contribution("cert.expired", 6, "s", "fact", false));
        all.add(new Contribution("net.vpn-unstable", 8, "a", new Answer("vpn", "vpn", true), true));
        all.add(new Contribution("cert.expired", 8, "a", new Answer("vpn", "direct", true), true));
        all.add(new Contribution("net.vpn-unstable", 9, "a", new Answer("other-clients-work", "yes", true), true));
        all.add(new Contribution("cert.expired", 9, "a", new Answer("other-clients-work", "no", true), true));
        List<Question> plan = planner.plan(List.of(new Wanted("other-clients-work", "r"), new Wanted("vpn", "r")),
                Ranking.of(all), all, Map.of());
        assertThat(plan).extracting(Question::id).containsExactly("vpn", "other-clients-work");
    }

    /** An option that lifts every leader alike says nothing, however big the lift; it must not look likely. */
    @Test
    void liftsSharedByAllLeadersDoNotMakeAQuestionUseful() {
        List<Contribution> all = new ArrayList<>();
        all.add(new Contribution("net.vpn-unstable", 6, "s", "fact", false));
        all.add(new Contribution("cert.expired", 6, "s", "fact", false));
        all.add(new Contribution("net.vpn-unstable", 20, "a", new Answer("environment", "azure", true), true));
        all.add(new Contribution("cert.expired", 20, "a", new Answer("environment", "azure", true), true));
        all.add(new Contribution("net.vpn-unstable", 3, "a", new Answer("port", "other", true), true));
        List<Question> plan = planner.plan(List.of(new Wanted("environment", "r"), new Wanted("port", "r")),
                Ranking.of(all), all, Map.of());
        assertThat(plan).extracting(Question::id).containsExactly("port", "environment");
    }
}

package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.conversation.AnswerMatcher.Match;
import dev.triage.rules.Question;
import dev.triage.rules.Question.Option;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerMatcherTest {
    static final Question ENVIRONMENT = new Question("environment", "Where does the remote computer run?", List.of(
            new Option("azure", "Azure VM"), new Option("other-cloud", "Another cloud (AWS, GCP, ...)"),
            new Option("on-premises", "On-premises / office / home")));
    static final Question OTHER_HOSTS = new Question("other-hosts-work",
            "From the same PC, can you connect to other remote computers?", List.of(new Option("yes", "Yes, others work"),
            new Option("no", "No, none work"), new Option("unknown", "Not tried")));
    static final Question PORT = new Question("port", "Which port does the connection use?",
            List.of(new Option("3389", "The default, 3389"), new Option("other", "Another port")));

    @ParameterizedTest
    @CsvSource({"on-prem,on-premises", "onprem,on-premises", "on premises,on-premises", "On-Premises,on-premises",
            "ON PREM,on-premises", "Azure VM,azure", "azure,azure", "aws,other-cloud", "1,azure", "3,on-premises",
            "another,other-cloud", "in azure,azure", "  2  ,other-cloud"})
    void typedEnvironmentAnswersFitTheirOption(String typed, String value) {
        assertThat(AnswerMatcher.match(ENVIRONMENT, typed)).isEqualTo(new Match.Matched(value));
    }

    @ParameterizedTest
    @CsvSource({"y,yes", "Yes!,yes", "yep,yes", "nope,no", "n,no", "No.,no", "not tried,unknown", "dunno,unknown",
            "'Yes, others work',yes", "3,unknown"})
    void yesNoAndDontKnowInManyWords(String typed, String value) {
        assertThat(AnswerMatcher.match(OTHER_HOSTS, typed)).isEqualTo(new Match.Matched(value));
    }

    @ParameterizedTest
    @CsvSource({"3389,3389", "1,3389", "2,other"})
    void anOptionValueThatIsANumberWinsOverThePosition(String typed, String value) {
        assertThat(AnswerMatcher.match(PORT, typed)).isEqualTo(new Match.Matched(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "mars", "4", "0", "o", "yes"})
    void aReplyThatFitsNoOptionListsTheOptionsInsteadOfGuessing(String typed) {
        assertThat(AnswerMatcher.match(ENVIRONMENT, typed)).isInstanceOfSatisfying(Match.NoFit.class, noFit ->
                assertThat(noFit.message()).contains(typed).contains("1. Azure VM")
                        .contains("3. On-premises / office / home"));
    }
}

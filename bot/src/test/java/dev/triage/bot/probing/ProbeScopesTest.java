package dev.triage.bot.probing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.bot.config.ConfigException;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing {@code probes.scopes} and finding the rule that decides for an identity. */
class ProbeScopesTest {
    private static final List<String> SITE = List.of(
            "# who may probe what from where",
            "slack:T0HELP/C0HELPDESK/*      10.0.0.0/8:3389,3390 .corp.example.com",
            "slack:T0HELP/*/U0ADMIN         all        # the admin, anywhere in the workspace",
            "discord:80351110224678912/*/*  none",
            "teams:72f988bf-86f1-41af-91ab-2d7cd011db47/19:team@thread.tacv2/*/*  .lab.example.com",
            "",
            "web:*/*/*                      10.1.0.0/16");

    private static Identity slack(String channel, String user) {
        return new Identity(Surface.SLACK, "T0HELP", user, channel, "1700000000.000100", Optional.empty());
    }

    private static ProbeScope scopeOf(Identity who) {
        return ProbeScopes.parse("scopes.txt", SITE).scopeOf(who);
    }

    @Test
    void entriesNarrowTheAllowListForTheHelpdeskChannel() {
        ProbeScope scope = scopeOf(slack("C0HELPDESK", "U0ANYONE"));

        assertThat(scope).isInstanceOf(ProbeScope.Within.class);
        assertThat(scope.origin()).isEqualTo("probes.scopes line 2");
        assertThat(((ProbeScope.Within) scope).entries().entries())
                .containsExactly("10.0.0.0/8:3389,3390", ".corp.example.com");
    }

    @Test
    void firstMatchingRuleWins() {
        assertThat(scopeOf(slack("C0HELPDESK", "U0ADMIN")).origin()).as("line 2 comes before the admin's line 3")
                .isEqualTo("probes.scopes line 2");
        assertThat(scopeOf(slack("C0RANDOM", "U0ADMIN"))).isEqualTo(new ProbeScope.Global("probes.scopes line 3"));
    }

    @Test
    void noneRefusesAndAnIdentityNoRuleMatchesIsRefusedToo() {
        Identity guild = new Identity(Surface.DISCORD, "80351110224678912", "1", "2", "", Optional.empty());
        Identity dm = new Identity(Surface.DISCORD, "dm", "1", "2", "", Optional.empty());

        assertThat(scopeOf(guild)).isEqualTo(new ProbeScope.Refused("probes.scopes line 4"));
        assertThat(scopeOf(dm)).isEqualTo(new ProbeScope.Refused("no probes.scopes rule matches"));
        assertThat(scopeOf(slack("C0RANDOM", "U0ANYONE"))).isInstanceOf(ProbeScope.Refused.class);
    }

    @Test
    void teamsChannelIsTeamSlashChannelSoATeamPrefixCoversAllItsChannels() {
        Identity inTeam = new Identity(Surface.TEAMS, "72f988bf-86f1-41af-91ab-2d7cd011db47",
                "29b2b9a8-8a3c-4e0e-9d4c-5d2c7a1c0f11", "19:team@thread.tacv2/19:general@thread.tacv2", "1700",
                Optional.empty());
        Identity inChat = new Identity(Surface.TEAMS, "72f988bf-86f1-41af-91ab-2d7cd011db47",
                "29b2b9a8-8a3c-4e0e-9d4c-5d2c7a1c0f11", "a:1chat", "chat", Optional.empty());

        assertThat(scopeOf(inTeam).origin()).isEqualTo("probes.scopes line 5");
        assertThat(scopeOf(inChat)).isInstanceOf(ProbeScope.Refused.class);
    }

    @Test
    void webUsersHaveNoChannelAndStarMatchesNothingToo() {
        assertThat(scopeOf(Identity.http(Surface.WEB, "session-1", "192.0.2.1")).origin())
                .isEqualTo("probes.scopes line 7");
        assertThat(scopeOf(Identity.http(Surface.API, "robot", "192.0.2.1")))
                .isEqualTo(new ProbeScope.Refused("no probes.scopes rule matches"));
    }

    @Test
    void commandLineKeepsTheGlobalListUnlessARuleSaysOtherwise() {
        assertThat(scopeOf(Identity.cli())).isInstanceOf(ProbeScope.Global.class);
        ProbeScope ruled = ProbeScopes.parse("s", List.of("cli:*/*/*  none")).scopeOf(Identity.cli());
        assertThat(ruled).isEqualTo(new ProbeScope.Refused("probes.scopes line 1"));
    }

    @Test
    void withoutAFileEveryoneHasTheGlobalList() {
        ProbeScopes none = ProbeScopes.unscoped();

        assertThat(none.configured()).isFalse();
        assertThat(none.scopeOf(slack("C0RANDOM", "U0ANYONE"))).isInstanceOf(ProbeScope.Global.class);
    }

    @Test
    void emptyFileRefusesEveryoneButTheCommandLine() {
        ProbeScopes empty = ProbeScopes.parse("s", List.of("# nothing yet", "   "));

        assertThat(empty.size()).isZero();
        assertThat(empty.scopeOf(slack("C0HELPDESK", "U0ADMIN"))).isInstanceOf(ProbeScope.Refused.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rest:*/*/* all | unknown surface 'rest' (one of web, slack, teams, discord, api, cli, or *)",
        "slack:T1/C1 all | 'slack:T1/C1' is not <surface>:<workspace>/<channel>/<user> (use * for any part)",
        "T1/C1/U1 all | 'T1/C1/U1' is not <surface>:<workspace>/<channel>/<user> (use * for any part)",
        "slack:T1/C1/U1 | 'slack:T1/C1/U1' is followed by nothing: add all, none or allow entries",
        "slack:T1/C*1/U1 all | 'C*1' has a * that does not end it: * stands alone or ends an id prefix",
        "slack:T1/C1/U1 10.0.0.0/8 none | all and none stand alone, not among allow entries",
    })
    void badLineIsNamedWithItsNumberAndWhatIsWrong(String line, String problem) {
        assertThatThrownBy(() -> ProbeScopes.parse("/etc/triage/scopes", List.of("# header", line)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("probes.scopes: /etc/triage/scopes line 2: " + problem);
    }

    @Test
    void badAllowEntryIsReportedByThePolicyParser() {
        assertThatThrownBy(() -> ProbeScopes.parse("scopes", List.of("web:*/*/*  10.0.0.0/33")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("probes.scopes: scopes line 1: ")
                .hasMessageContaining("10.0.0.0/33");
    }

    @Test
    void everyBadLineIsListedAtOnce() {
        assertThatThrownBy(() -> ProbeScopes.parse("s", List.of("x all", "web:*/*/* all", "y none")))
                .hasMessageContaining("s line 1: ").hasMessageContaining("s line 3: ")
                .hasMessageNotContaining("line 2");
    }

    @Test
    void theReadmesExampleFileDecidesAsTheReadmeSays() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Who may probe what");
        int start = readme.indexOf("```\n", section) + 4;
        ProbeScopes example = ProbeScopes.parse("README", List.of(readme.substring(start,
                readme.indexOf("```", start)).split("\n")));
        Identity lead = new Identity(Surface.SLACK, "T0123HELP", "U0789LEAD", "C0RANDOM", "1", Optional.empty());
        Identity dm = new Identity(Surface.DISCORD, "dm", "803511102246789199", "803511102246789122", "",
                Optional.empty());

        assertThat(example.size()).isEqualTo(7);
        assertThat(example.scopeOf(lead)).isEqualTo(new ProbeScope.Global("probes.scopes line 5"));
        assertThat(example.scopeOf(dm)).isEqualTo(new ProbeScope.Refused("probes.scopes line 10"));
        assertThat(example.scopeOf(Identity.http(Surface.WEB, "helpdesk", "192.0.2.1")).origin())
                .isEqualTo("probes.scopes line 12");
    }

    @Test
    void loadReadsTheFileAndNamesAMissingOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("probes.scopes"), String.join("\n", SITE));

        assertThat(ProbeScopes.load(file).size()).isEqualTo(5);
        assertThatThrownBy(() -> ProbeScopes.load(dir.resolve("missing")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("probes.scopes: cannot read " + dir.resolve("missing"));
    }
}

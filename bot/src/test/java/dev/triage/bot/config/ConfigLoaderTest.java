package dev.triage.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.bot.BotApplication;
import dev.triage.bot.probing.AuditedProbeGateway;
import dev.triage.probes.ProbeListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    /** Loads with only {@code env} (plus an empty properties file, so a stray triage.properties cannot interfere). */
    private BotConfig load(String... keysAndValues) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.properties"), "");
        Map<String, String> env = new HashMap<>(Map.of("TRIAGE_CONFIG", empty.toString(),
                "TRIAGE_DATA", dir.resolve("data").toString()));
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new ConfigLoader(env).load();
    }

    @Test
    void allowListPortsAfterACommaBelongToThePreviousEntry() throws IOException {
        BotConfig config = load("TRIAGE_PROBES_ALLOW", "10.0.0.0/8:3389,3390, .corp.example.com");

        assertThat(config.probesAllow()).containsExactly("10.0.0.0/8:3389,3390", ".corp.example.com");
    }

    @Test
    void probeGatewayStartsWithAnAllowListThatHasPorts() throws IOException {
        BotConfig config = load("TRIAGE_PROBES_ALLOW", "10.0.0.0/8:3389,3390, .corp.example.com");

        try (BotApplication app = BotApplication.create(config)) {
            AuditedProbeGateway gateway = app.probeGateway();
            // Port 22 is outside the entry's ports, so this is refused without touching the network.
            var outcome = gateway.runWithReport("10.1.2.3:22", dev.triage.bot.conversation.Identity.cli(), Optional.empty(),
                    ProbeListener.NONE);

            assertThat(outcome.run().steps()).anySatisfy(step -> {
                assertThat(step.name()).isEqualTo("policy");
                assertThat(step.summary()).isEqualTo("port 22 is not allowed for 10.1.2.3: entry"
                        + " '10.0.0.0/8:3389,3390' allows only ports 3389, 3390");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8:3389,3390;.corp.example.com", "10.0.0.0/8:3389,3390 .corp.example.com",
        " 10.0.0.0/8:3389 , 3390 ;; .corp.example.com\t", "10.0.0.0/8:3389,3390,.corp.example.com"})
    void allowListAcceptsCommasSemicolonsAndWhitespace(String value) {
        assertThat(ConfigLoader.splitAllowList(value)).containsExactly("10.0.0.0/8:3389,3390", ".corp.example.com");
    }

    @Test
    void allowListPortContinuationKnowsIpv6AndRanges() {
        assertThat(ConfigLoader.splitAllowList("[2001:db8::1]:3389,3390,fe80::1,lab.example.net:50000-50010,50020"))
                .containsExactly("[2001:db8::1]:3389,3390", "fe80::1", "lab.example.net:50000-50010,50020");
        assertThat(ConfigLoader.splitAllowList("2001:db8::/32:3389,3390"))
                .containsExactly("2001:db8::/32:3389,3390");
    }

    @Test
    void aNumberWithoutAPreviousPortListStaysAnEntrySoThePolicyRejectsIt() {
        assertThat(ConfigLoader.splitAllowList("10.0.0.0/8,3390")).containsExactly("10.0.0.0/8", "3390");
    }

    @Test
    void sharedDnsIsReadAndValidated() throws IOException {
        assertThat(load().probesSharedDns()).isFalse();
        assertThat(load("TRIAGE_PROBES_SHARED_DNS", "TRUE").probesSharedDns()).isTrue();
        assertThatThrownBy(() -> load("TRIAGE_PROBES_SHARED_DNS", "yes")).isInstanceOf(ConfigException.class)
                .hasMessage("probes.shared-dns must be true or false, not 'yes'");
    }

    @Test
    void theKnowledgeFolderComesFromTheFileOrTheEnvironment() throws IOException {
        assertThat(load().knowledgeDir()).isEmpty();
        assertThat(load("TRIAGE_KNOWLEDGE_DIR", " /srv/triage/knowledge ").knowledgeDir())
                .contains(Path.of("/srv/triage/knowledge"));
        Path file = Files.writeString(dir.resolve("site.properties"), "knowledge.dir=/etc/triage/site\n");
        assertThat(new ConfigLoader(Map.of("TRIAGE_CONFIG", file.toString())).load().knowledgeDir())
                .contains(Path.of("/etc/triage/site"));
    }
}

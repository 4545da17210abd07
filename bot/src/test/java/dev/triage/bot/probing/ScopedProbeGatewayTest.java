package dev.triage.bot.probing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.ProbeGateway;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Surface;
import dev.triage.bot.store.AuditEntry;
import dev.triage.probes.Prober;
import dev.triage.probes.ProbeListener;
import dev.triage.probes.TargetPolicy;
import dev.triage.probes.fixtures.TestCertificates;
import dev.triage.probes.fixtures.TestCertificates.Kind;
import dev.triage.probes.fixtures.XrdpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real xrdp, one global allow-list that covers it, and scopes that decide per channel whether it is probed. */
class ScopedProbeGatewayTest {
    @TempDir
    static Path dir;
    static XrdpServer xrdp;
    static BotApplication app;
    static Prober prober;
    static AuditedProbeGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates certs = TestCertificates.generate(Files.createDirectories(dir.resolve("certs")));
        xrdp = XrdpServer.start(Files.createDirectories(dir.resolve("xrdp")),
                XrdpServer.Config.of("negotiate", certs.certificate(Kind.VALID), certs.key(Kind.VALID)));
        app = BotApplication.create(BotConfig.defaults().withDataDir(dir.resolve("data")));
        prober = Prober.builder().policy(TargetPolicy.of("127.0.0.1/32:" + xrdp.port()))
                .overallTimeout(Duration.ofSeconds(5)).build();
        ProbeScopes scopes = ProbeScopes.parse("scopes", List.of(
                "slack:T1/C-HELPDESK/*   127.0.0.1/32:" + xrdp.port(),
                "slack:T1/C-RANDOM/*     none",
                "slack:T1/C-LAB/*        10.0.0.0/8"));
        gateway = new AuditedProbeGateway(prober, app.store(), ProbeLimits.standard(Clock.systemUTC()),
                Clock.systemUTC(), app.json(), scopes);
    }

    @AfterAll
    static void stop() {
        if (prober != null) {
            prober.close();
        }
        if (app != null) {
            app.close();
        }
        if (xrdp != null) {
            xrdp.close();
        }
    }

    private static Identity slack(String user, String channel) {
        return new Identity(Surface.SLACK, "T1", user, channel, "1700000000.000100", Optional.empty());
    }

    private static AuditEntry lastAuditOf(String actor) {
        return app.store().recentAudit(50).stream().filter(e -> e.actor().equals(actor)).findFirst().orElseThrow();
    }

    private static String target() {
        return "127.0.0.1:" + xrdp.port();
    }

    @Test
    void theHelpdeskChannelProbesTheHostAndTheAuditNamesTheRule() {
        ProbeGateway.ProbeRun run = gateway.run(target(), slack("U-helper", "C-HELPDESK"), Optional.empty(),
                ProbeListener.NONE);

        assertThat(run.steps()).extracting(ProbeOutcome::name).contains("tcp", "rdp", "tls");
        assertThat(run.steps().stream().filter(s -> s.name().equals("tcp")).findFirst().orElseThrow().ok()).isTrue();
        AuditEntry audit = lastAuditOf("slack:T1:U-helper");
        assertThat(audit.decision()).isEqualTo("ALLOWED");
        assertThat(audit.place()).isEqualTo("C-HELPDESK/1700000000.000100");
        assertThat(audit.reason()).contains("probes.scopes line 1");
    }

    @Test
    void anotherChannelIsRefusedWithoutConnectingAndAudited() {
        ProbeGateway.ProbeRun run = gateway.run(target(), slack("U-visitor", "C-RANDOM"), Optional.empty(),
                ProbeListener.NONE);

        assertThat(run.steps()).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("policy");
            assertThat(step.status()).isEqualTo("DENIED");
            assertThat(step.summary()).isEqualTo("live probes are not allowed for you in this channel; the diagnosis"
                    + " is from the text only");
        });
        assertThat(run.rateLimited()).isFalse();
        AuditEntry audit = lastAuditOf("slack:T1:U-visitor");
        assertThat(audit.decision()).isEqualTo("DENIED");
        assertThat(audit.reason()).isEqualTo("probes refused: probes.scopes line 2");
        assertThat(audit.surface()).isEqualTo("slack");
        assertThat(audit.place()).isEqualTo("C-RANDOM/1700000000.000100");
        assertThat(audit.target()).isEqualTo(target());
    }

    @Test
    void aScopeWhoseEntriesMissTheHostDeniesItThoughTheGlobalListAllowsIt() {
        ProbeGateway.ProbeRun run = gateway.run(target(), slack("U-labber", "C-LAB"), Optional.empty(),
                ProbeListener.NONE);

        ProbeOutcome policy = run.steps().stream().filter(s -> s.name().equals("policy")).findFirst().orElseThrow();
        assertThat(policy.status()).isEqualTo("DENIED");
        assertThat(policy.summary()).startsWith("probes.scopes line 3: 127.0.0.1 is a loopback address");
        assertThat(run.steps().stream().filter(s -> s.name().equals("tcp")).findFirst().orElseThrow().status())
                .isEqualTo("SKIPPED");
        assertThat(lastAuditOf("slack:T1:U-labber").reason()).startsWith("probes.scopes line 3: ");
    }

    @Test
    void anIdentityNoRuleMatchesMayNotProbeButTheCommandLineMay() {
        ProbeGateway.ProbeRun web = gateway.run(target(), Identity.http(Surface.WEB, "s-1", "192.0.2.1"),
                Optional.empty(), ProbeListener.NONE);
        assertThat(web.steps()).singleElement().extracting(ProbeOutcome::summary)
                .isEqualTo("live probes are not allowed for you here; the diagnosis is from the text only");
        assertThat(lastAuditOf("web:http:s-1").reason()).isEqualTo("probes refused: no probes.scopes rule matches");

        AuditedProbeGateway.Outcome cli = gateway.runWithReport(target(), Identity.cli(), Optional.empty(),
                ProbeListener.NONE);
        assertThat(cli.report()).as("the operator on this machine keeps the global allow-list").isPresent();
        assertThat(cli.report().get().decision().orElseThrow().isAllowed()).isTrue();
    }
}

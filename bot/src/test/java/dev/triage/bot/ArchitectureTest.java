package dev.triage.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module and package rules of DESIGN.md and model-codebases.md part 2, as tests. */
class ArchitectureTest {
    static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.triage");

    @Test
    void botUsesNoModulesInternals() {
        noClasses().that().resideInAPackage("dev.triage.bot..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.triage.knowledge.internal..", "dev.triage.rules.internal..", "dev.triage.probes.internal..")
                .check(ALL);
    }

    @Test
    void librariesDoNotDependOnTheBot() {
        noClasses().that().resideInAnyPackage("dev.triage.knowledge..", "dev.triage.rules..", "dev.triage.probes..")
                .should().dependOnClassesThat().resideInAPackage("dev.triage.bot..")
                .check(ALL);
    }

    @Test
    void knowledgeAndProbesAreIndependent() {
        noClasses().that().resideInAPackage("dev.triage.knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.triage.rules..", "dev.triage.probes..")
                .check(ALL);
        noClasses().that().resideInAPackage("dev.triage.probes..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.triage.rules..", "dev.triage.knowledge..")
                .check(ALL);
    }

    @Test
    void onlyTheStoreTouchesTheDatabaseAndOnlyHttpTheServer() {
        noClasses().that().resideOutsideOfPackage("dev.triage.bot.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.flywaydb..", "java.sql..")
                .check(ALL);
        noClasses().that().resideOutsideOfPackages("dev.triage.bot.http..", "dev.triage.bot", "dev.triage.bot.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(ALL);
    }

    @Test
    void droolsAndBouncyCastleStayInsideTheirModules() {
        noClasses().that().resideOutsideOfPackage("dev.triage.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(ALL);
        // Besides the probes, only Discord's signature check (BouncyCastle's Ed25519 is the faster one).
        noClasses().that().resideOutsideOfPackages("dev.triage.probes..", "dev.triage.bot.chat.discord..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(ALL);
        noClasses().that().resideOutsideOfPackage("dev.triage.knowledge..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(ALL);
    }

    @Test
    void postgresItsPoolAndMicrometerStayInTheirPackages() {
        noClasses().that().resideOutsideOfPackage("dev.triage.bot.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "com.zaxxer..")
                .check(ALL);
        noClasses().that().resideOutsideOfPackage("dev.triage.bot.ops..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(ALL);
    }

    @Test
    void onlyTheSlackAdapterImportsSlacksSdk() {
        noClasses().that().resideOutsideOfPackage("dev.triage.bot.chat.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack..")
                .check(ALL);
    }

    @Test
    void onlyTheTeamsAdapterImportsTheJwtLibrary() {
        noClasses().that().resideOutsideOfPackage("dev.triage.bot.chat.teams..")
                .should().dependOnClassesThat().resideInAPackage("com.nimbusds..")
                .check(ALL);
    }

    @Test
    void onlyTheDiscordAdapterImportsJdaAndOnlyTheSdkAdaptersSeeOkHttp() {
        noClasses().that().resideOutsideOfPackage("dev.triage.bot.chat.discord..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
                .check(ALL);
        // OkHttp is the SDKs' transport (one copy, shared by Slack's SDK and JDA; Slack's errors carry its Response),
        // so only their adapters see it; Triage's own HTTP calls use the JDK's client.
        noClasses().that().resideOutsideOfPackages("dev.triage.bot.chat.slack..", "dev.triage.bot.chat.discord..")
                .should().dependOnClassesThat().resideInAPackage("okhttp3..").check(ALL);
    }

    @Test
    void noPublicImplClasses() {
        classes().that().haveSimpleNameEndingWith("Impl").should().notBePublic().allowEmptyShould(true).check(ALL);
    }
}

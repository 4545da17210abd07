package dev.triage.probes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's layering rules (model-codebases.md part 2, rule 12). */
class ArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.triage.probes");

    @Test
    void apiPackageNeverTouchesBouncyCastle() {
        noClasses().that().resideInAPackage("dev.triage.probes")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheTlsPackageUsesBouncyCastle() {
        noClasses().that().resideOutsideOfPackage("dev.triage.probes.internal.tls")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(PRODUCTION);
    }

    @Test
    void probesDependOnNoSiblingModule() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.triage.rules..", "dev.triage.knowledge..", "dev.triage.bot..")
                .check(PRODUCTION);
    }
}

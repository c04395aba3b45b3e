package org.broadside.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the architecture honest: only the ui package may touch JavaFX, and the engine never reaches into the UI or CLI. */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.broadside");

    @Test
    void nothingOutsideUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.broadside.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "atlantafx..", "org.kordamp..", "org.fxmisc..")
                .check(CLASSES);
    }

    @Test
    void logicNeverDependsOnTheCommandLineOrTheUi() {
        noClasses().that().resideOutsideOfPackages("org.broadside.ui..", "org.broadside.cli..", "org.broadside")
                .should().dependOnClassesThat().resideInAnyPackage("org.broadside.ui..", "org.broadside.cli..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void smtpClientStandsAlone() {
        noClasses().that().resideInAPackage("org.broadside.delivery.smtp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.broadside.store..", "org.broadside.contacts..",
                        "org.broadside.campaign..", "org.broadside.compose..", "org.broadside.accounts..")
                .check(CLASSES);
    }
}

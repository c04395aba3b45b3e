package org.broadside.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.broadside.store.DataAccess;
import org.junit.jupiter.api.Test;

/**
 * The architecture, enforced (the one class that does it; JabRef keeps its rules the same way): the layers, no
 * package cycles, SQL only where the data lives, one logging API, and the console only for the command line.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.broadside");

    @Test
    void nothingOutsideTheUiPackageUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.broadside.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "atlantafx..",
                        "org.kordamp..", "org.fxmisc..")
                .check(CLASSES);
    }

    @Test
    void viewModelsNeverSeeNodesOrStages() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
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

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.broadside.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /** A repository, a class marked {@link DataAccess}, or a class nested in one: the persistence layer. */
    private static final DescribedPredicate<JavaClass> PERSISTENCE = new DescribedPredicate<>("part of the persistence layer") {
        @Override
        public boolean test(JavaClass c) {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                if (k.getSimpleName().endsWith("Repository") || k.isAnnotatedWith(DataAccess.class)
                        || k.getPackageName().startsWith("org.broadside.store")) {
                    return true;
                }
            }
            return false;
        }
    };

    @Test
    void sqlOnlyInTheStoreAndTheRepositories() {
        // The import sources read the user's own databases through JDBC: that is their job, not the store's.
        noClasses().that().resideOutsideOfPackages("org.broadside.contacts.imports..").and(DescribedPredicate.not(PERSISTENCE))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .check(CLASSES);
    }

    @Test
    void windowsAndCommandsNeverSpeakSql() {
        noClasses().that().resideInAnyPackage("org.broadside.ui..", "org.broadside.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .check(CLASSES);
    }

    @Test
    void oneLoggingApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.commons.logging..",
                        "org.apache.log4j..", "org.apache.logging.log4j..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineWritesToTheConsole() {
        noClasses().that().resideOutsideOfPackage("org.broadside.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(CLASSES);
    }
}

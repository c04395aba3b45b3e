package org.broadside.ui.shell;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsTest {
    @Test
    void theReportNamesVersionSystemDataDirectoryAndRecentErrors() {
        String report = Diagnostics.report(Path.of("/home/ann/.local/share/broadside"),
                List.of("2026-12-05T10:00:00Z java.lang.IllegalStateException: boom"));
        assertThat(report).startsWith("Broadside ").contains("Java: ").contains("OS: ")
                .contains("Data directory: /home/ann/.local/share/broadside").contains("IllegalStateException: boom");
    }

    @Test
    void theReportNamesTheStoreTheAppIsOn() {
        String report = Diagnostics.report(Path.of("data"), "team store db.acme.example:5432/broadside", List.of());
        assertThat(report).contains("Store: team store db.acme.example:5432/broadside");
        assertThat(Diagnostics.report(Path.of("data"), List.of())).doesNotContain("Store: ");
    }

    @Test
    void theReportNeverCarriesTheEnvironmentsSecrets() {
        // Whatever the environment holds (BROADSIDE_PASSPHRASE, SMTP_PW...), the report is built from a fixed list.
        String report = Diagnostics.report(Path.of("data"), List.of());
        System.getenv().values().stream().filter(v -> v.length() >= 12 && !v.contains("/"))
                .forEach(secret -> assertThat(report).doesNotContain(secret));
        assertThat(report).contains("Recent errors: none");
    }

    @Test
    void theReportNamesTheLogFileAndCarriesItsLastLines() {
        Path data = org.broadside.testing.TempDirs.create("diagnostics");
        Path file = org.broadside.diagnostics.LogFile.start(data, org.broadside.diagnostics.LogFile.Console.QUIET).orElseThrow();
        org.slf4j.LoggerFactory.getLogger(DiagnosticsTest.class).warn("a line for the bug report");
        String report = Diagnostics.report(data, List.of());
        assertThat(report).contains("Log file: " + file).contains("Last log lines:").contains("a line for the bug report");
    }

    @Test
    void aboutListsTheBundledLibrariesWithTheirLicences() {
        assertThat(Diagnostics.licences()).contains("Apache License 2.0").contains("OpenJFX").contains("jsoup 1.21 - MIT");
    }
}

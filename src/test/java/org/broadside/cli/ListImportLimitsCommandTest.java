package org.broadside.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** "list import" with --max-columns and --max-field-size, and the sentences it prints when a limit is reached. */
class ListImportLimitsCommandTest {
    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path wideCsv(int columns) throws IOException {
        StringBuilder header = new StringBuilder("Email");
        StringBuilder row = new StringBuilder("a@example.com");
        for (int i = 1; i < columns; i++) {
            header.append(",C").append(i);
            row.append(",v").append(i);
        }
        return csv("wide.csv", header + "\n" + row + "\n");
    }

    @Test
    void tooManyColumnsExitsTwoNamingTheCountTheLimitAndTheOptions() throws IOException {
        CliRun.run(data(), "list", "import", "L", csv("c.csv", "Email,Name\nann@example.com,Ann\n").toString());

        CliRun run = CliRun.run(data(), "list", "import", "L", wideCsv(800).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("800 columns", "at most 500", "--map Email=COLUMN", "--max-columns 800");
        assertThat(CliRun.run(data(), "list", "list").out()).contains("L  1 contacts  fields: Email, Name");
    }

    @Test
    void maxColumnsRaisesTheLimit() throws IOException {
        CliRun run = CliRun.run(data(), "list", "import", "L", wideCsv(800).toString(), "--max-columns", "800");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("added        1");
    }

    @Test
    void maxFieldSizeLeavesLongerValuesOutAndSaysHowToTakeThem() throws IOException {
        Path f = csv("c.csv", "Email,Note\na@example.com,short\nb@example.com,a rather longer note\n");

        CliRun run = CliRun.run(data(), "list", "import", "L", f.toString(), "--max-field-size", "10");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("added        1", "invalid      1",
                "line 3: the value in column \"Note\" has 20 characters; a field takes at most 10",
                "--max-field-size CHARS takes longer values");
    }

    @Test
    void aWorkbookGivenAsCsvExitsTwoWithoutItsBytes() throws IOException {
        Path f = Files.write(dir.resolve("data.csv"), new byte[] {'P', 'K', 3, 4, 20, 0, 8, 0, 8, 0, 'x', 'l', '/', (byte) 0xFF, 0, 1});

        CliRun run = CliRun.run(data(), "list", "import", "L", f.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("data.csv is not a text file (it looks like an Excel workbook: choose Excel as the file type)")
                .doesNotContain("\u0003");
        assertThat(CliRun.run(data(), "list", "list").out()).contains("No lists yet");
    }

    @Test
    void aLimitBelowOneIsRefused() throws IOException {
        CliRun run = CliRun.run(data(), "list", "import", "L", csv("c.csv", "Email\na@example.com\n").toString(), "--max-columns", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--max-columns must be at least 1");
    }
}

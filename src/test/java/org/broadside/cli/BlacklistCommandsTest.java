package org.broadside.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BlacklistCommandsTest {
    @TempDir
    Path dir;

    @Test
    void addressesAndDomainsAreAddedAndShownWithReason() {
        CliRun add = CliRun.run(dir, "blacklist", "add", "Bad@Example.com", "@Spam.Example", "--reason", "complained");
        CliRun show = CliRun.run(dir, "blacklist", "show");

        assertThat(add.out()).contains("Blacklisted 2 new entries");
        assertThat(show.out()).contains("Blacklist: 2 entries", "bad@example.com\t", "@spam.example\t").contains("complained");
    }

    @Test
    void anInvalidEntryAddsNothing() {
        CliRun run = CliRun.run(dir, "blacklist", "add", "ok@example.com", "not an address");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(CliRun.run(dir, "blacklist", "show").out()).contains("Blacklist: 0 entries");
    }

    @Test
    void importReadsOnePerLineAndReportsBadLines() throws IOException {
        Path f = Files.writeString(dir.resolve("bl.txt"), "@spam.example\nx@example.com\nnonsense\nx@example.com\n");

        CliRun run = CliRun.run(dir, "blacklist", "import", f.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("read        4", "added       2", "invalid     1", "line 3: no @ (nonsense)");
    }

    @Test
    void exportWritesWhatImportReadsBack() throws IOException {
        CliRun.run(dir, "blacklist", "add", "bad@example.com", "@spam.example", "--reason", "complained");
        Path out = dir.resolve("bl-export.csv");
        CliRun run = CliRun.run(dir, "blacklist", "export", out.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Wrote 2 blacklist entries to ");
        assertThat(Files.readAllLines(out)).hasSize(3).first().isEqualTo("Email,Reason,Source,Added");
        assertThat(CliRun.run(dir, "blacklist", "import", out.toString()).out()).contains("already in  2", "invalid     0");
        assertThat(CliRun.run(dir, "blacklist", "export", "--help").out()).contains("Usage:");
    }

    @Test
    void blacklistedAddressesAreLeftOutOfImports() throws IOException {
        CliRun.run(dir, "blacklist", "add", "@spam.example");
        Path f = Files.writeString(dir.resolve("c.csv"), "Email\na@spam.example\nb@example.com\n");

        CliRun run = CliRun.run(dir, "list", "import", "L", f.toString());

        assertThat(run.out()).contains("added        1", "blacklisted  1");
    }

    @Test
    void removeTakesAnEntryOff() {
        CliRun.run(dir, "blacklist", "add", "a@example.com");

        assertThat(CliRun.run(dir, "blacklist", "remove", "A@example.com").exitCode()).isZero();
        assertThat(CliRun.run(dir, "blacklist", "remove", "a@example.com").exitCode()).isEqualTo(2);
    }
}

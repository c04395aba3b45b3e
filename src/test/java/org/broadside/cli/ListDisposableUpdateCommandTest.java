package org.broadside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

class ListDisposableUpdateCommandTest {
    private final Path dir = TempDirs.create("disposable-cli");
    private final Path data = dir.resolve("data");

    @Test
    void anInstalledListIsWhatValidateUses() throws Exception {
        Path list = Files.writeString(dir.resolve("blocklist.conf"), "brand-new-throwaway.example\n");
        Path contacts = Files.writeString(dir.resolve("c.csv"), "Email\na@brand-new-throwaway.example\nb@example.com\n");
        CliRun.run(data, "list", "import", "L", contacts.toString());

        CliRun update = CliRun.run(data, "list", "disposable-update", "--from", list.toString());
        CliRun validate = CliRun.run(data, "list", "validate", "L");

        assertThat(update.exitCode()).isZero();
        assertThat(update.out()).contains("Installed 1 disposable domains");
        assertThat(validate.out()).contains("disposable domains 1");
    }

    @Test
    void aFileThatIsNoListIsRefusedWithExitTwo() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.conf"), "ok.example\n<html>\n");

        CliRun run = CliRun.run(data, "list", "disposable-update", "--from", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 2");
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = CliRun.run(data, "list", "disposable-update", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--from=FILE", "disposable-domains.txt");
    }
}

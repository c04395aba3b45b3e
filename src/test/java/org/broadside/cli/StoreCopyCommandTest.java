package org.broadside.cli;

import org.broadside.testing.TeamStoreServer;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** "broadside store copy": a desktop user's store into a new team store and back, counts printed, a full target refused. */
class StoreCopyCommandTest {

    @Test
    void aDataDirectoryMovesToATeamStoreAndBackAndASecondCopyIsRefused() throws Exception {
        CliFixture cli = new CliFixture();
        Path csv = cli.data.resolve("members.csv");
        Files.writeString(csv, "email,First Name\nann@example.com,Ann\nbob@example.com,Bob\n");
        assertThat(cli.run("list", "import", "Members", csv.toString())).as(cli.err()).isZero();
        assertThat(cli.run("blacklist", "add", "@spam.example")).as(cli.err()).isZero();
        String url = TeamStoreServer.freshStore().url() + "?user=postgres";

        assertThat(cli.run("store", "copy", "--to", url)).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("Copying ").containsPattern("contacts\\s+2").containsPattern("blacklist\\s+1")
                .contains("every count checked in both stores").contains("Account passwords stay");

        Path back = TempDirs.create("copy-back");
        assertThat(cli.run("--store", url, "store", "copy", "--to-data", back.toString())).as(cli.out() + cli.err()).isZero();
        CliRun there = CliRun.run(back, "list", "show", "Members");
        assertThat(there.exitCode()).as(there.err()).isZero();
        assertThat(there.out()).contains("ann@example.com").contains("bob@example.com");

        assertThat(cli.run("store", "copy", "--to", url)).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("is not empty (it holds 1 lists").contains("Copy only into a new, empty store");
    }
}

package org.broadside.cli;

import org.broadside.testing.TeamStoreServer;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The list and blacklist commands with --store on a team store (ADR 0023): what they do on this computer's store. */
class ListCommandsOnTeamStoreTest {
    private final Path dir = TempDirs.create("list-team");
    private final String store = TeamStoreServer.freshStore().url() + "?user=postgres";

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--store";
        all[1] = store;
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(dir.resolve("data"), all);
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void listsAreImportedShownFilteredRefreshedAndExported() throws IOException {
        Path f = csv("c.csv", "Email,Name,Country\na@example.com,Al,FR\nb@example.com,Bo,DE\nbad,Cy,FR\na@example.com,Dup,FR\n");

        CliRun imported = run("list", "import", "Customers", f.toString(), "--save-source", "crm");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Customers");
        assertThat(run("list", "list").out()).contains("Customers");
        assertThat(run("list", "show", "customers").out()).contains("2 contacts", "a@example.com\tAl");

        CliRun filtered = run("list", "show", "Customers", "--filter", "[[Country]] = \"fr\"");
        assertThat(filtered.exitCode()).as(filtered.err()).isZero();
        assertThat(filtered.out()).contains("a@example.com").doesNotContain("b@example.com");

        csv("c.csv", "Email,Name,Country\na@example.com,Alan,FR\n");
        CliRun refresh = run("list", "refresh", "Customers", "--remove-missing");
        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        CliRun refreshed = run("list", "show", "Customers");
        assertThat(refreshed.out()).as(refreshed.err()).contains("a@example.com\tAlan").doesNotContain("b@example.com");

        Path out = dir.resolve("out.csv");
        CliRun export = run("list", "export", "Customers", out.toString());
        assertThat(export.out()).contains("Exported 1 contacts");
        assertThat(Files.readString(out)).contains("a@example.com", "Alan");
    }

    @Test
    void theBlacklistIsAddedShownAndRemovedFrom() {
        CliRun add = run("blacklist", "add", "Bad@Example.com", "@Spam.Example", "--reason", "complained");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Blacklisted 2 new entries");
        assertThat(run("blacklist", "add", "bad@example.com").out()).contains("Blacklisted 0 new entries (1 already present)");

        // Code point order, as on SQLite: "@" sorts before the letters whatever the server's locale says.
        String shown = run("blacklist", "show").out();
        assertThat(shown).contains("Blacklist: 2 entries", "complained");
        assertThat(shown.indexOf("@spam.example\t")).isLessThan(shown.indexOf("bad@example.com\t"));

        assertThat(run("blacklist", "remove", "BAD@example.com").exitCode()).isZero();
        assertThat(run("blacklist", "remove", "bad@example.com").exitCode()).isEqualTo(2);
        assertThat(run("blacklist", "show").out()).contains("Blacklist: 1 entries");
    }
}

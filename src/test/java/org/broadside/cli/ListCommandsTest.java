package org.broadside.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ListCommandsTest {
    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void importCreatesTheListAndPrintsTheReport() throws IOException {
        Path f = csv("c.csv", "email address;First Name;Country\na@example.com;Al;FR\nbad;Bo;DE\na@example.com;Dup;FR\n");

        CliRun run = CliRun.run(data(), "list", "import", "Customers", f.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("read         3", "added        1", "duplicates   1", "invalid      1", "line 3: no @ (bad)");
        CliRun list = CliRun.run(data(), "list", "list");
        assertThat(list.out()).contains("Customers  1 contacts  fields: Email, First Name, Country");
    }

    @Test
    void mapChoosesColumnsAndNamesFields() throws IOException {
        Path f = csv("c.csv", "mail,fn,ignored\na@example.com,Al,x\n");

        CliRun run = CliRun.run(data(), "list", "import", "L", f.toString(), "--map", "Email=mail,First Name=fn");

        assertThat(run.exitCode()).isZero();
        assertThat(CliRun.run(data(), "list", "show", "L").out()).contains("Fields: Email, First Name\n").doesNotContain("ignored");
    }

    @Test
    void showFiltersWithTheMergeLanguage() throws IOException {
        Path f = csv("c.csv", "Email,Country,Age\na@example.com,FR,30\nb@example.com,FR,12\nc@example.com,DE,40\n");
        CliRun.run(data(), "list", "import", "L", f.toString());

        CliRun run = CliRun.run(data(), "list", "show", "L", "--filter", "[[Country]] = \"fr\" <AND> [[Age]] >= 18", "--limit", "5");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("List \"L\": 3 contacts", "Matching the filter: 1", "a@example.com\tFR\t30")
                .doesNotContain("b@example.com", "c@example.com");
    }

    @Test
    void aBadFilterExitsTwoWithASentence() throws IOException {
        CliRun.run(data(), "list", "import", "L", csv("c.csv", "Email\na@example.com\n").toString());

        CliRun run = CliRun.run(data(), "list", "show", "L", "--filter", "[[Nope]] = 1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("broadside: The filter uses the field [Nope]");
    }

    @Test
    void theFilterIsTheCampaignLanguageWithItsFieldNamesAliasesAndBareNumbers() throws IOException {
        Path f = csv("c.csv", "Email,First  Name,Score\na@example.com,Ann,20\t\nb@example.org,Bob,9\n");
        CliRun.run(data(), "list", "import", "L", f.toString());

        CliRun run = CliRun.run(data(), "list", "show", "L", "--filter", "[[First Name]] = \"ann\" <AND> [[E-mail]] ?# \".com\" <AND> [[Score]] > 9");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Matching the filter: 1", "a@example.com").doesNotContain("b@example.org");
    }

    @Test
    void aBareAndInAFilterIsRefusedWithTheWayToWriteIt() throws IOException {
        CliRun.run(data(), "list", "import", "L", csv("c.csv", "Email,Age\na@example.com,30\n").toString());

        CliRun run = CliRun.run(data(), "list", "show", "L", "--filter", "[[Age]] > 1 AND [[Age]] < 99");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The filter is not valid", "<AND>");
    }

    @Test
    void anUnreadableFileExitsTwoAndCreatesNoList() {
        CliRun run = CliRun.run(data(), "list", "import", "L", dir.resolve("missing.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("does not exist");
        assertThat(CliRun.run(data(), "list", "list").out()).contains("No lists yet");
    }

    @Test
    void aFileWithoutAnAddressColumnSaysHowToMapIt() throws IOException {
        CliRun run = CliRun.run(data(), "list", "import", "L", csv("c.csv", "Name,City\nAl,Rome\n").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--map Email=COLUMN");
    }

    @Test
    void exportWritesNeutralisedCsv() throws IOException {
        CliRun.run(data(), "list", "import", "L", csv("c.csv", "Email,Note\na@example.com,=1+1\n").toString());
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.run(data(), "list", "export", "L", out.toString());

        assertThat(run.out()).contains("Exported 1 contacts");
        assertThat(Files.readString(out)).contains("a@example.com,'=1+1");
    }

    @Test
    void refreshReRunsTheSavedFileSourceAndCanRemoveMissingContacts() throws IOException {
        Path f = csv("c.csv", "Email,Name\na@example.com,Al\nb@example.com,Bo\n");
        CliRun first = CliRun.run(data(), "list", "import", "L", f.toString(), "--save-source", "crm");
        assertThat(first.out()).contains("Saved the source as \"crm\"");
        csv("c.csv", "Email,Name\na@example.com,Alan\nc@example.com,Cy\n");

        CliRun refresh = CliRun.run(data(), "list", "refresh", "L", "--remove-missing");

        assertThat(refresh.exitCode()).isZero();
        assertThat(refresh.out()).contains("added        1", "updated      1", "removed      1");
        assertThat(CliRun.run(data(), "list", "show", "L").out()).contains("2 contacts", "a@example.com\tAlan").doesNotContain("b@example.com");
    }

    @Test
    void refreshWithoutASavedSourceIsExplained() throws IOException {
        CliRun.run(data(), "list", "import", "L", csv("c.csv", "Email\na@example.com\n").toString());

        CliRun run = CliRun.run(data(), "list", "refresh", "L");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("has no saved source");
    }

    @Test
    void dedupeAndValidateReport() throws IOException {
        CliRun.run(data(), "list", "import", "A", csv("a.csv", "Email\nx@example.com\ninfo@example.com\n").toString());
        CliRun.run(data(), "list", "import", "B", csv("b.csv", "Email\nX@EXAMPLE.COM\ny@mailinator.com\n").toString());

        CliRun dedupe = CliRun.run(data(), "list", "dedupe", "A", "--across", "B");
        CliRun validate = CliRun.run(data(), "list", "validate", "B");

        assertThat(dedupe.out()).contains("\"B\": 1 addresses already in an earlier list removed, 1 contacts left");
        assertThat(validate.out()).contains("checked            1", "disposable domains 1");
    }

    @Test
    void jdbcImportRefusesADangerousUrlWithExitTwo() {
        CliRun run = CliRun.run(data(), "list", "import", "L", "--jdbc",
                "jdbc:mysql://127.0.0.1:1/db?allowLoadLocalInfile=true", "--table", "t");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("allowLoadLocalInfile is refused");
    }

    @Test
    void previewShowsRowsAndImportsNothing() throws IOException {
        CliRun run = CliRun.run(data(), "list", "import", "L", csv("c.csv", "Email,N\na@example.com,1\n").toString(), "--preview");

        assertThat(run.out()).contains("Email\tN", "a@example.com\t1", "nothing was imported");
        assertThat(CliRun.run(data(), "list", "list").out()).contains("No lists yet");
    }
}

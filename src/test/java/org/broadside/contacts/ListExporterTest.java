package org.broadside.contacts;

import org.broadside.contacts.imports.ColumnMapping;
import org.broadside.contacts.imports.ContactImporter;
import org.broadside.contacts.imports.ContactSource;
import org.broadside.contacts.imports.FileSources;
import org.broadside.contacts.imports.ImportOptions;
import org.broadside.contacts.imports.ImportProgress;
import org.broadside.contacts.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListExporterTest {
    @TempDir
    Path dir;

    @Test
    void formulasAreNeutralisedAndTheFileReimportsToTheSameValues() throws IOException {
        ContactRepository repo = new ContactRepository(TestStores.fresh());
        ContactList list = repo.createList("L", List.of("Name", "Note"));
        repo.upsert(list.id(), List.of(
                Contact.of("a@example.com", Map.of("Name", "=HYPERLINK(\"http://evil\",\"x\")", "Note", "line1\nline2, \"q\"")),
                Contact.of("b@example.com", Map.of("Name", "+1 555", "Note", "-2")),
                Contact.of("c@example.com", Map.of("Name", "@SUM(A1)", "Note", "ok"))));
        Path out = dir.resolve("out.csv");

        long n = new ListExporter(repo).export(repo.requireList("L"), null, out);

        assertThat(n).isEqualTo(3);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFEmail,Name,Note\r\n");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", "'+1 555", "'-2", "'@SUM(A1)");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("out.csv");

        var store = TestStores.fresh();
        try (ContactSource source = FileSources.open(out, null)) {
            new ContactImporter(store).importInto("Back", source, ColumnMapping.automatic(source.columns()), ImportOptions.defaults(),
                    ImportProgress.NONE);
        }
        ContactRepository back = new ContactRepository(store);
        assertThat(back.find(back.requireList("Back").id(), "a@example.com").orElseThrow().fields())
                .containsEntry("Note", "line1\nline2, \"q\"");
    }

    @Test
    void aFilterExportsOnlyMatchingContacts() throws Exception {
        ContactRepository repo = new ContactRepository(TestStores.fresh());
        ContactList list = repo.createList("L", List.of("Age"));
        repo.upsert(list.id(), List.of(Contact.of("a@example.com", Map.of("Age", "20")), Contact.of("b@example.com", Map.of("Age", "5"))));
        list = repo.requireList("L");

        long n = new ListExporter(repo).export(list, org.broadside.merge.Condition.parse("[[Age]] >= 18"), dir.resolve("adults.csv"));

        assertThat(n).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("adults.csv"))).contains("a@example.com").doesNotContain("b@example.com");
    }
}

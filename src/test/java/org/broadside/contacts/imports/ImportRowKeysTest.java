package org.broadside.contacts.imports;

import org.broadside.contacts.support.TestStores;
import org.broadside.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer binds no key when it is the address itself, and inserts plainly into a list that was empty: every
 * row still stores its key, and an import into a list with contacts still updates them by key.
 */
class ImportRowKeysTest {
    @TempDir
    Path dir;

    private ImportReport importCsv(Database db, String csv) throws IOException {
        Path f = Files.writeString(dir.resolve("in" + System.nanoTime() + ".csv"), csv);
        try (ContactSource source = FileSources.open(f, null)) {
            return new ContactImporter(db).importInto("News", source, ColumnMapping.automatic(source.columns()),
                    ImportOptions.defaults(), ImportProgress.NONE);
        }
    }

    @Test
    void everyRowStoresItsKeyAndALaterImportUpdatesByKey() throws IOException {
        Database db = TestStores.fresh();
        ImportReport first = importCsv(db, "Email,City\nann@example.com,Oslo\nBob@Example.COM,Rome\ncy@bücher.de,Bonn\n");
        assertThat(first.added()).isEqualTo(3);
        assertThat(rows(db)).containsExactly(
                "ann@example.com|ann@example.com|{\"City\":\"Oslo\"}",
                "Bob@Example.COM|bob@example.com|{\"City\":\"Rome\"}",
                "cy@bücher.de|cy@xn--bcher-kva.de|{\"City\":\"Bonn\"}");

        ImportReport second = importCsv(db, "Email,City\nANN@example.com,Paris\nbob@example.com,Rome\ndee@example.com,Lima\n");
        assertThat(second.added()).isEqualTo(1);
        assertThat(second.updated()).isEqualTo(2);
        assertThat(rows(db)).containsExactly(
                "ANN@example.com|ann@example.com|{\"City\":\"Paris\"}",
                "bob@example.com|bob@example.com|{\"City\":\"Rome\"}",
                "cy@bücher.de|cy@xn--bcher-kva.de|{\"City\":\"Bonn\"}",
                "dee@example.com|dee@example.com|{\"City\":\"Lima\"}");
    }

    private static List<String> rows(Database db) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT email, email_key, fields FROM contacts ORDER BY id")) {
                while (rs.next()) out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
            return out;
        });
    }
}

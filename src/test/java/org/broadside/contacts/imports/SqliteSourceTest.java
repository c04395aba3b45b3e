package org.broadside.contacts.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteSourceTest {
    @TempDir Path dir;

    @Test
    void aTableOfASqliteFileIsReadThroughItsUrl() throws Exception {
        Path file = dir.resolve("crm.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("CREATE TABLE customers(email TEXT, first_name TEXT)");
            s.execute("INSERT INTO customers VALUES ('zoe@example.com', 'Zoë')");
        }
        JdbcUrl url = JdbcUrl.parse("jdbc:sqlite:" + file);
        var preview = JdbcSource.preview(new JdbcSettings(url.format(), "", "", null, "customers", null, 0), 5);
        assertThat(preview.columns()).containsExactly("email", "first_name");
        assertThat(preview.rows()).containsExactly(java.util.List.of("zoe@example.com", "Zoë"));
    }

    /** SQLite's driver gives no SQL state: a missing table read as "Could not connect to the database at ...". */
    @Test
    void aMissingTableAnUnreadableFileAndAMissingFileEachSayWhatIsWrong() throws Exception {
        Path file = dir.resolve("crm.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("CREATE TABLE customers(email TEXT)");
        }
        assertThat(problem("jdbc:sqlite:" + file, "cusotmers"))
                .isEqualTo("The database could not run the table read: no such table: cusotmers.");
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.db"), "not a database, just notes\n".repeat(100));
        assertThat(problem("jdbc:sqlite:" + text, "customers")).startsWith("The file of jdbc:sqlite:" + text + " is not a SQLite database");
        Path missing = dir.resolve("crm-old.db");
        assertThat(problem("jdbc:sqlite:" + missing, "customers")).startsWith("Could not open the SQLite file " + missing);
        assertThat(missing).as("a read-only open creates nothing").doesNotExist();
    }

    private static String problem(String url, String table) {
        try {
            JdbcSource.preview(new JdbcSettings(url, "", "", null, table, null, 0), 5);
        } catch (ImportException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + url);
    }
}

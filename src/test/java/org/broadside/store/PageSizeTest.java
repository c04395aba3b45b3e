package org.broadside.store;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** New databases use 16 KB pages (ADR 0022); a database made with SQLite's default 4 KB pages keeps them and works. */
class PageSizeTest {
    @Test
    void aNewDatabaseHasSixteenKilobytePages() throws Exception {
        Database db = Database.open(TempDirs.create("pages"));
        assertThat(pageSize(db)).isEqualTo(16384);
    }

    @Test
    void anExistingDatabaseKeepsItsPageSizeAndStaysUsable() throws Exception {
        Path dir = TempDirs.create("pages");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=4096");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE early(x)");
        }
        Database db = Database.open(dir);
        db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO lists(name, created_at) VALUES ('Kept', 1)"));
        assertThat(pageSize(db)).isEqualTo(4096);
        assertThat((Object) db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM lists")) {
                rs.next();
                return rs.getString(1);
            }
        })).isEqualTo("Kept");
    }

    private static int pageSize(Database db) {
        return db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA page_size")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}

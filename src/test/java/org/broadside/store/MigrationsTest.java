package org.broadside.store;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsTest {
    @Test
    void freshDatabaseIsAtTheLatestVersionInWalMode() throws Exception {
        Database db = Database.open(TempDirs.create("mig"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(Migrations.currentVersion(c)).isEqualTo(Migrations.latestVersion());
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
                rs.next();
                assertThat(rs.getInt(1)).as("FULL").isEqualTo(2);
            }
        }
    }

    @Test
    void reopeningKeepsDataAndAppliesNothingTwice() throws Exception {
        Path dir = TempDirs.create("mig");
        Database db = Database.open(dir);
        db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO lists(name, created_at) VALUES ('Kept', 1)"));
        Database again = Database.open(dir);
        assertThat((Object) again.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        })).isEqualTo(Migrations.latestVersion());
        assertThat((Object) again.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM lists")) {
                rs.next();
                return rs.getString(1);
            }
        })).isEqualTo("Kept");
    }

    @Test
    void databaseFromANewerVersionIsRefusedWithAClearMessage() throws Exception {
        Path dir = TempDirs.create("mig");
        Database db = Database.open(dir);
        db.inTransaction(c -> c.createStatement().executeUpdate(
                "INSERT INTO schema_version(version, description, applied_at) VALUES (999, 'from the future', 1)"));
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer version of Broadside").hasMessageContaining("999");
    }

    @Test
    void failedMigrationLeavesTheDatabaseAsItWas() throws Exception {
        Path dir = TempDirs.create("mig");
        Database db = Database.open(dir);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe(x)");
            c.setAutoCommit(false);
            s.execute("INSERT INTO probe VALUES (1)");
            s.execute("INSERT INTO nonexistent VALUES (1)");
        } catch (java.sql.SQLException expected) {
            // the connection closes without commit: nothing of the failed transaction remains
        }
        assertThat((Object) db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM probe")) {
                rs.next();
                return rs.getInt(1);
            }
        })).isEqualTo(0);
    }

    @Test
    void scriptsSplitIntoStatementsIgnoringComments() {
        assertThat(Migrations.statements("-- a comment\nCREATE TABLE a(x);\n\nCREATE INDEX i ON a(x);\n")).hasSize(2);
    }

    @Test
    void dataDirectoryFollowsOptionThenEnvironmentThenPlatform() {
        Map<String, String> env = Map.of("BROADSIDE_HOME", "/env/home", "XDG_DATA_HOME", "/xdg", "APPDATA", "C:\\Users\\a\\AppData\\Roaming");
        assertThat(DataDirectory.resolve(Path.of("/opt/data"), env, "Linux", "/home/a")).isEqualTo(Path.of("/opt/data"));
        assertThat(DataDirectory.resolve(null, env, "Linux", "/home/a")).isEqualTo(Path.of("/env/home"));
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/a")).isEqualTo(Path.of("/xdg/broadside"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Linux", "/home/a")).isEqualTo(Path.of("/home/a/.local/share/broadside"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Mac OS X", "/Users/a")).isEqualTo(Path.of("/Users/a/Library/Application Support/Broadside"));
        assertThat(DataDirectory.resolve(null, Map.of("APPDATA", "/appdata"), "Windows 11", "/u")).isEqualTo(Path.of("/appdata/Broadside"));
    }
}

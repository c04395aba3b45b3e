package org.broadside.store;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
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
    void theAccountAndMessageIdIndexesHoldOnlyRecipientsThatHaveOneAndStillServeTheirQueries() throws Exception {
        Database db = Database.open(TempDirs.create("mig"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String index : List.of("recipients_by_account", "recipients_by_message_id")) {
                try (ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = '" + index + "'")) {
                    rs.next();
                    assertThat(rs.getString(1)).as(index).contains("WHERE").contains("IS NOT NULL");
                }
            }
            Map<String, String> planOf = Map.of(
                    "recipients_by_account", "SELECT COUNT(*) FROM recipients WHERE account = ? AND state IN ('SENT','UNKNOWN') AND updated_at >= ?",
                    "recipients_by_message_id", "SELECT r.id FROM recipients r JOIN campaigns c ON c.id = r.campaign_id WHERE r.message_id = ?");
            for (var e : planOf.entrySet()) {
                try (var p = c.prepareStatement("EXPLAIN QUERY PLAN " + e.getValue())) {
                    p.setString(1, "x");
                    if (e.getValue().contains("updated_at")) p.setLong(2, 5);
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) plan.append(rs.getString(4)).append('\n');
                    }
                    assertThat(plan.toString()).as("plan of %s", e.getValue()).contains(e.getKey());
                }
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
    void triggerBodiesStringsAndCommentsDoNotEndAStatement() {
        String script = """
                -- a comment with a ; and a quote's apostrophe
                CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT DEFAULT 'a;b', "odd;name" TEXT);
                /* a block comment; still a comment */
                CREATE TEMP TRIGGER t AFTER INSERT ON notes BEGIN
                    UPDATE notes SET body = CASE WHEN new.body = 'x' THEN 'it''s; fine' ELSE body END;
                    INSERT INTO log VALUES ('after; insert');
                END;
                INSERT INTO notes(body) VALUES ('one;two')""";

        assertThat(Migrations.statements(script)).containsExactly(
                "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT DEFAULT 'a;b', \"odd;name\" TEXT);",
                """
                CREATE TEMP TRIGGER t AFTER INSERT ON notes BEGIN
                    UPDATE notes SET body = CASE WHEN new.body = 'x' THEN 'it''s; fine' ELSE body END;
                    INSERT INTO log VALUES ('after; insert');
                END;""",
                "INSERT INTO notes(body) VALUES ('one;two')");
    }

    @Test
    void migrationWithATriggerAndASemicolonInAStringApplies() throws Exception {
        Map<String, String> scripts = Map.of(
                "V1__audit.sql", """
                        CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                        CREATE TABLE audit(item_id INTEGER, what TEXT);
                        -- two statements in one trigger body, each ending a line with ;
                        CREATE TRIGGER items_audit AFTER INSERT ON items BEGIN
                            INSERT INTO audit VALUES (new.id, 'added;');
                            UPDATE items SET name = trim(name) WHERE id = new.id;
                        END;
                        """,
                "V2__seed.sql", "INSERT INTO items(name) VALUES ('  semi;\ncolon  ');\n");
        Path file = TempDirs.create("mig").resolve("t.db");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(Migrations.migrate(c, List.of("V1__audit.sql", "V2__seed.sql"), scripts::get)).isZero();

            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT items.name, audit.what, (SELECT MAX(version) FROM schema_version) FROM items JOIN audit ON audit.item_id = items.id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("semi;\ncolon");
                assertThat(rs.getString(2)).isEqualTo("added;");
                assertThat(rs.getInt(3)).isEqualTo(2);
            }
        }
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

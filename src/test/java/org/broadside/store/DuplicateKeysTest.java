package org.broadside.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Duplicates are told by result code, not by wording: a column that happens to be called UNIQUE_... fools no one. */
class DuplicateKeysTest {

    private static Connection sqlite() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tmp"));
        Path file = Files.createTempFile(dir, "duplicate-keys", ".db");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        c.createStatement().execute("CREATE TABLE t(id INTEGER PRIMARY KEY, email TEXT UNIQUE, UNIQUE_NOTE TEXT NOT NULL)");
        c.createStatement().execute("INSERT INTO t(id, email, UNIQUE_NOTE) VALUES (1, 'a@example.com', 'x')");
        return c;
    }

    private static SQLException failure(Connection c, String sql) {
        try {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected " + sql + " to fail");
    }

    @Test
    void aTakenUniqueKeyOrPrimaryKeyIsADuplicate() throws Exception {
        try (Connection c = sqlite()) {
            assertThat(DuplicateKeys.isDuplicate(failure(c, "INSERT INTO t(email, UNIQUE_NOTE) VALUES ('a@example.com', 'y')"))).isTrue();
            assertThat(DuplicateKeys.isDuplicate(failure(c, "INSERT INTO t(id, email, UNIQUE_NOTE) VALUES (1, 'b@example.com', 'y')"))).isTrue();
        }
    }

    @Test
    void anotherConstraintWhoseMessageSaysUniqueIsNot() throws Exception {
        try (Connection c = sqlite()) {
            SQLException notNull = failure(c, "INSERT INTO t(email, UNIQUE_NOTE) VALUES ('b@example.com', NULL)");
            assertThat(notNull.getMessage()).contains("UNIQUE"); // what the old text test keyed on
            assertThat(DuplicateKeys.isDuplicate(notNull)).isFalse();
        }
    }

    @Test
    void theStandardSqlStateCountsWhateverTheLanguageOfTheMessage() {
        assertThat(DuplicateKeys.isDuplicate(new SQLException("llave duplicada viola restricción de unicidad", "23505"))).isTrue();
        assertThat(DuplicateKeys.isDuplicate(new SQLException("wrapped", "XX000", new SQLException("doppelt", "23505")))).isTrue();
        assertThat(DuplicateKeys.isDuplicate(new SQLException("UNIQUE in words only", "23502"))).isFalse();
    }

    @Test
    void sqliteReportsExtendedCodesSoTheKindOfConstraintIsKnown() throws Exception {
        try (Connection c = sqlite()) {
            assertThatThrownBy(() -> c.createStatement().execute("INSERT INTO t(email, UNIQUE_NOTE) VALUES ('a@example.com', 'z')"))
                    .isInstanceOf(org.sqlite.SQLiteException.class)
                    .satisfies(e -> assertThat(((org.sqlite.SQLiteException) e).getResultCode())
                            .isEqualTo(org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE));
        }
    }
}

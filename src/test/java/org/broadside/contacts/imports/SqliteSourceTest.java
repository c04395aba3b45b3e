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
}

package org.broadside.store;

import org.broadside.testing.TeamStoreServer;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code store copy}: every table, every column, both directions, and nothing written into a store that holds data. */
class StoreCopyTest {

    @Test
    void aDataDirectoryGoesToATeamStoreAndBackWithEveryRowAndValueIntact() {
        try (Database local = Database.open(TempDirs.create("copy-from"));
             Database team = Database.openTeam(TempDirs.create("copy-team"), TeamStoreServer.freshStore());
             Database back = Database.open(TempDirs.create("copy-back"))) {
            fillEveryTable(local);
            Map<String, List<String>> original = contents(local);
            assertThat(original).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());

            List<String> lines = new ArrayList<>();
            List<StoreCopy.Copied> there = StoreCopy.copy(local, team, lines::add);
            assertThat(there).extracting(StoreCopy.Copied::table).containsExactlyElementsOf(StoreCopy.TABLES);
            assertThat(lines).hasSize(StoreCopy.TABLES.size()).anySatisfy(l -> assertThat(l).startsWith("contacts").endsWith(" 2"));
            assertThat(contents(team)).isEqualTo(original);

            StoreCopy.copy(team, back, l -> { });
            assertThat(contents(back)).isEqualTo(original);

            long next = team.inTransaction(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("INSERT INTO lists(name, created_at) VALUES ('After the copy', 1) RETURNING id")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(next).as("new rows of the team store continue above the copied ids").isEqualTo(3);
        }
    }

    @Test
    void aTargetThatHoldsDataIsRefusedByWhatItHoldsAndKeepsIt() {
        try (Database local = Database.open(TempDirs.create("copy-src"));
             Database team = Database.openTeam(TempDirs.create("copy-busy"), TeamStoreServer.freshStore())) {
            fillEveryTable(local);
            StoreCopy.copy(local, team, l -> { });
            Map<String, List<String>> before = contents(team);

            assertThatThrownBy(() -> StoreCopy.copy(local, team, l -> { }))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is not empty (it holds 2 lists, 2 list_fields, 2 contacts")
                    .hasMessageContaining("Copy only into a new, empty store");
            assertThat(contents(team)).isEqualTo(before);
        }
    }

    /**
     * Two rows in every table, from the column types alone: ids 1 and 2, references to row 1, integers beyond 32 bits,
     * text with a quote and accents, and NULL in every nullable column of the second row.
     */
    static void fillEveryTable(Database db) {
        db.inTransaction(c -> {
            for (String table : StoreCopy.TABLES) {
                List<String[]> columns = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (rs.next()) columns.add(new String[]{rs.getString("name"), rs.getString("type"), rs.getString("notnull"), rs.getString("pk")});
                }
                if (table.equals("bounce_rules")) {
                    // One row, made by the schema itself: changed, so the copy must carry the change.
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("UPDATE bounce_rules SET soft_bounce_limit = 7, updated_at = 1796585015304");
                    }
                    continue;
                }
                for (int k = 1; k <= 2; k++) {
                    StringBuilder names = new StringBuilder(), marks = new StringBuilder();
                    List<Object> values = new ArrayList<>();
                    for (String[] col : columns) {
                        names.append(names.length() == 0 ? "" : ", ").append(col[0]);
                        marks.append(marks.length() == 0 ? "?" : ", ?");
                        boolean key = col[0].equals("id") || col[3].equals("1") && col[1].toUpperCase().contains("INT");
                        boolean nullable = col[2].equals("0") && !col[3].equals("1") && !col[0].endsWith("_id");
                        if (key) values.add((long) k);
                        else if (col[0].endsWith("_id")) values.add(1L);
                        else if (k == 2 && nullable) values.add(null);
                        else if (col[1].toUpperCase().contains("INT")) values.add(1_796_585_015_304L + k);
                        else values.add(table + "-" + col[0] + "-" + k + " l'été \"quoted\"");
                    }
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
                        for (int i = 0; i < values.size(); i++) p.setObject(i + 1, values.get(i));
                        p.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** Every table's rows as text, in id (or first column) order, columns by name: comparable across the two engines. */
    static Map<String, List<String>> contents(Database db) {
        return db.read(c -> {
            Map<String, List<String>> out = new TreeMap<>();
            for (String table : StoreCopy.TABLES) out.put(table, rows(c, table));
            return out;
        });
    }

    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
            ResultSetMetaData m = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new TreeMap<>();
                for (int i = 1; i <= m.getColumnCount(); i++) row.put(m.getColumnName(i).toLowerCase(), rs.getString(i));
                out.add(row.toString());
            }
        }
        return out;
    }
}

package org.broadside.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Copies a whole store into an empty one: a data directory's SQLite store into a new team store when a desktop user
 * grows, and back (issue 15, {@code broadside store copy}). Table by table in the order of their references, ids kept
 * (so campaigns, recipients, runs and their log lines still point at each other), in batches, into one transaction on
 * the target that is committed only when every table's count there equals the source's: a failed or short copy leaves
 * the target as empty as it was. The two stores' tables have the same names and columns (ADR 0023), so a row is copied
 * column by column by name; a table this class does not know stops the copy before anything is written, because
 * copying "everything but" would lose it silently.
 */
public final class StoreCopy {
    /** Every table with data, parents before the tables that reference them. */
    static final List<String> TABLES = List.of("lists", "list_fields", "contacts", "blacklist", "import_sources",
            "accounts", "campaigns", "recipients", "runs", "connection_log", "mailboxes", "bounce_rules", "bounce_events",
            "schedules", "server_events", "unsubscribe_servers", "tracking_events");
    /** Filled by the schema scripts themselves: the copy replaces their rows with the source's. */
    private static final Set<String> SEEDED = Set.of("bounce_rules");
    /**
     * Each store's own bookkeeping, never copied: its schema version, its change counters, the quota permits its
     * senders were granted in the last day (they pace live runs, not history), SQLite's internals.
     */
    private static final Set<String> OWN = Set.of("schema_version", "store_changes", "quota_grants", "sqlite_sequence",
            "sqlite_stat1", "sqlite_stat4");
    private static final int BATCH = 1000;

    private StoreCopy() {}

    /** The rows of one table, as copied and counted in both stores. */
    public record Copied(String table, long rows) {}

    /**
     * Copies {@code from} into {@code to}; {@code progress} hears a line per table. Answers the counts, verified.
     *
     * @throws StoreException when the target holds data, a table is unknown, or the counts differ (nothing is kept)
     */
    public static List<Copied> copy(Database from, Database to, Consumer<String> progress) {
        if (from.describe().equals(to.describe())) {
            throw new StoreException("The source and the target are the same store (" + from.describe() + ").");
        }
        from.read(c -> {
            Set<String> unknown = new TreeSet<>(tables(c));
            unknown.removeAll(TABLES);
            unknown.removeAll(OWN);
            if (!unknown.isEmpty()) {
                throw new StoreException("The store " + from.describe() + " has tables this Broadside cannot copy: "
                        + String.join(", ", unknown) + ". Copy it with the Broadside that wrote it.");
            }
            return null;
        });
        return to.inTransaction(target -> {
            refuseUnlessEmpty(target, to.describe());
            List<Copied> copied = new ArrayList<>();
            for (String table : TABLES) {
                if (SEEDED.contains(table)) {
                    try (Statement s = target.createStatement()) {
                        s.executeUpdate("DELETE FROM " + table);
                    }
                }
                long rows = from.read(source -> copyTable(source, target, table));
                long there = count(target, table);
                long here = from.read(source -> count(source, table));
                if (there != rows || here != rows) {
                    throw new StoreException("The copy of table " + table + " does not add up (" + here + " rows in "
                            + from.describe() + ", " + rows + " read, " + there + " written); nothing was kept.");
                }
                copied.add(new Copied(table, rows));
                progress.accept(String.format(Locale.ROOT, "%-20s %,d", table, rows));
            }
            if (Dialect.of(target) == Dialect.POSTGRES) continueIdentities(target);
            return copied;
        });
    }

    private static void refuseUnlessEmpty(Connection target, String name) throws SQLException {
        Map<String, Long> held = new LinkedHashMap<>();
        for (String table : TABLES) {
            if (SEEDED.contains(table)) continue;
            long n = count(target, table);
            if (n > 0) held.put(table, n);
        }
        if (!held.isEmpty()) {
            StringBuilder what = new StringBuilder();
            held.forEach((t, n) -> what.append(what.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d %s", n, t)));
            throw new StoreException("The target store " + name + " is not empty (it holds " + what + "). Copy only into"
                    + " a new, empty store, so nothing of it is mixed with or overwritten by the copy.");
        }
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        boolean streamed = Dialect.of(source) == Dialect.POSTGRES;
        if (streamed) source.setAutoCommit(false); // PostgreSQL's driver streams rows only inside a transaction
        try (Statement read = source.createStatement()) {
            if (streamed) read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT * FROM " + table + orderBy(source, table))) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                StringBuilder columns = new StringBuilder();
                StringBuilder marks = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    columns.append(i > 1 ? ", " : "").append(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                    marks.append(i > 1 ? ", ?" : "?");
                }
                long rows = 0;
                try (PreparedStatement write = target.prepareStatement(
                        "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) copyValue(rs, write, i, meta.getColumnType(i));
                        write.addBatch();
                        if (++rows % BATCH == 0) write.executeBatch();
                    }
                    if (rows % BATCH != 0) write.executeBatch();
                }
                return rows;
            }
        } finally {
            if (streamed) source.rollback(); // it only read
        }
    }

    /**
     * One value, by its kind rather than as an object: PostgreSQL hands citext and other extension types to Java as
     * driver objects that SQLite cannot store, and refuses text for an integer column.
     */
    private static void copyValue(ResultSet rs, PreparedStatement write, int i, int type) throws SQLException {
        switch (type) {
            case java.sql.Types.INTEGER, java.sql.Types.BIGINT, java.sql.Types.SMALLINT, java.sql.Types.TINYINT -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) write.setNull(i, java.sql.Types.BIGINT);
                else write.setLong(i, v);
            }
            case java.sql.Types.REAL, java.sql.Types.FLOAT, java.sql.Types.DOUBLE, java.sql.Types.NUMERIC, java.sql.Types.DECIMAL -> {
                double v = rs.getDouble(i);
                if (rs.wasNull()) write.setNull(i, java.sql.Types.DOUBLE);
                else write.setDouble(i, v);
            }
            default -> {
                String v = rs.getString(i);
                if (v == null) write.setNull(i, java.sql.Types.VARCHAR);
                else write.setString(i, v);
            }
        }
    }

    /** Ids in order, so a table that references itself or a later row never sees a row before its parent. */
    private static String orderBy(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, "id")) {
            return rs.next() ? " ORDER BY id" : "";
        }
    }

    /** After explicit ids, PostgreSQL's identity columns must continue above them, or the next insert collides. */
    private static void continueIdentities(Connection c) throws SQLException {
        for (String table : TABLES) {
            // Asking for the sequence of a column that does not exist would abort the whole transaction.
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table, "id")) {
                if (!rs.next()) continue;
            }
            String sequence;
            try (PreparedStatement p = c.prepareStatement("SELECT pg_get_serial_sequence(?, 'id')")) {
                p.setString(1, table);
                try (ResultSet rs = p.executeQuery()) {
                    sequence = rs.next() ? rs.getString(1) : null;
                }
            }
            if (sequence == null) continue;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT setval(?, (SELECT COALESCE(MAX(id), 0) + 1 FROM " + table + "), false)")) {
                p.setString(1, sequence);
                p.executeQuery().close();
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = Dialect.of(c) == Dialect.POSTGRES ? c.getSchema() : null;
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
        return out;
    }
}

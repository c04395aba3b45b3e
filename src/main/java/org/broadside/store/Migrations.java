package org.broadside.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

/**
 * Applies the numbered schema scripts in order, each in its own transaction, and refuses a database
 * written by a newer Broadside. A small runner instead of Flyway: one file format, no class-path scanning
 * (which breaks in shaded jars), and the refusal message we want. Each {@link Dialect} has its own list of scripts
 * (the team store's first script is the SQLite store's first six); their version numbers are counted separately.
 */
public final class Migrations {
    /** The schema scripts, oldest first. Append only: never edit a script that has shipped. */
    static final List<String> SCRIPTS = List.of(
            "V1__initial.sql",
            "V2__bounces.sql",
            "V3__store_changes.sql",
            "V4__schedules.sql",
            "V5__partial_recipient_indexes.sql",
            "V6__server_events.sql",
            "V7__sending_runs.sql",
            "V8__shared_sending.sql");

    /** The team store's scripts (resources under {@code migrations/postgres/}), oldest first. Append only. */
    static final List<String> POSTGRES_SCRIPTS = List.of(
            "postgres/V1__team_store.sql",
            "postgres/V2__sending_runs.sql",
            "postgres/V3__shared_sending.sql",
            "postgres/V4__claims_in_place.sql");

    /** Any number that is the same in every Broadside: two processes migrating one team store take turns on it. */
    private static final long MIGRATION_LOCK = 0x42726f6164736964L;

    private Migrations() {}

    public static int latestVersion() { return SCRIPTS.size(); }

    public static int latestVersion(Dialect dialect) { return scripts(dialect).size(); }

    static List<String> scripts(Dialect dialect) {
        return dialect == Dialect.POSTGRES ? POSTGRES_SCRIPTS : SCRIPTS;
    }

    /** Brings the database to the latest version; returns the version it had before. */
    public static int migrate(Connection c) throws SQLException {
        Dialect dialect = Dialect.of(c);
        if (dialect == Dialect.SQLITE) return migrate(c, SCRIPTS, Migrations::read);
        // SQLite's writers are serialised by its file lock; PostgreSQL's are not, and two desktops opening a new
        // team store at once would both try to create it.
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
        }
        try {
            return migrate(c, POSTGRES_SCRIPTS, Migrations::read);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        }
    }

    /** {@link #migrate(Connection)} with other scripts, for tests of the runner itself. */
    static int migrate(Connection c, List<String> scripts, Function<String, String> read) throws SQLException {
        int latest = scripts.size();
        try (Statement s = c.createStatement()) {
            // BIGINT is INTEGER to SQLite and wide enough for epoch milliseconds on PostgreSQL.
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        }
        int current = currentVersion(c);
        if (current > latest) {
            boolean team = Dialect.of(c) == Dialect.POSTGRES;
            throw new StoreException("This " + (team ? "team store" : "data directory")
                    + " was written by a newer version of Broadside (schema version "
                    + current + "; this version understands up to " + latest
                    + "). Update Broadside, or choose another " + (team ? "store with --store." : "data directory with --data."));
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = current + 1; v <= latest; v++) {
                String name = scripts.get(v - 1);
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(read.apply(name))) s.execute(sql);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version(version, description, applied_at) VALUES (?,?,?)")) {
                    p.setInt(1, v);
                    p.setString(2, name);
                    p.setLong(3, System.currentTimeMillis());
                    p.executeUpdate();
                }
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return current;
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) throw new StoreException("The schema script " + name + " is missing from this build of Broadside.");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("Could not read the schema script " + name + ".", e);
        }
    }

    /** The statements of a script: semicolons in strings, comments and trigger bodies do not end one. */
    static List<String> statements(String script) {
        return SqlScript.statements(script);
    }
}

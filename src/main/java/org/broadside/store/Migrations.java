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
 * (which breaks in shaded jars), and the refusal message we want.
 */
public final class Migrations {
    /** The schema scripts, oldest first. Append only: never edit a script that has shipped. */
    static final List<String> SCRIPTS = List.of(
            "V1__initial.sql",
            "V2__bounces.sql",
            "V3__store_changes.sql",
            "V4__schedules.sql",
            "V5__partial_recipient_indexes.sql",
            "V6__server_events.sql");

    private Migrations() {}

    public static int latestVersion() { return SCRIPTS.size(); }

    /** Brings the database to the latest version; returns the version it had before. */
    public static int migrate(Connection c) throws SQLException {
        return migrate(c, SCRIPTS, Migrations::read);
    }

    /** {@link #migrate(Connection)} with other scripts, for tests of the runner itself. */
    static int migrate(Connection c, List<String> scripts, Function<String, String> read) throws SQLException {
        int latest = scripts.size();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        }
        int current = currentVersion(c);
        if (current > latest) {
            throw new StoreException("This data directory was written by a newer version of Broadside (schema version "
                    + current + "; this version understands up to " + latest
                    + "). Update Broadside, or choose another data directory with --data.");
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

package org.broadside.contacts.imports;

import java.util.Locale;

/**
 * Where and what to read from PostgreSQL, MySQL/MariaDB or a SQLite file. Exactly one of table and query is set.
 *
 * @param password    never saved; a saved source keeps only the name of the environment variable that holds it
 * @param sslMode     null for the driver's default; PostgreSQL: disable/prefer/require/verify-ca/verify-full,
 *                    MySQL: DISABLED/PREFERRED/REQUIRED/VERIFY_CA/VERIFY_IDENTITY
 * @param timeoutSeconds statement timeout, so a runaway query on a production database is cancelled
 */
public record JdbcSettings(String url, String user, String password, String sslMode, String table, String query,
                           int timeoutSeconds) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;

    public JdbcSettings {
        if (url == null || url.isBlank()) throw new ImportException("The database URL is missing.");
        url = url.strip();
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:")) url = "jdbc:mysql:" + url.substring("jdbc:mariadb:".length());
        if ((table == null || table.isBlank()) == (query == null || query.isBlank())) {
            throw new ImportException("Give either a table or a query to read from the database, not both and not neither.");
        }
        if (timeoutSeconds <= 0) timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    }

    /** Builds the URL from its parts, as the import dialog asks for them. */
    public static String url(Kind kind, String host, int port, String database) {
        if (kind == Kind.SQLITE) return "jdbc:sqlite:" + database;
        return "jdbc:" + (kind == Kind.POSTGRESQL ? "postgresql" : "mysql") + "://" + host + ":" + port + "/" + database;
    }

    public Kind kind() {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) return Kind.POSTGRESQL;
        if (u.startsWith("jdbc:mysql:")) return Kind.MYSQL;
        if (u.startsWith("jdbc:sqlite:")) return Kind.SQLITE;
        throw new ImportException("Only PostgreSQL (jdbc:postgresql://...), MySQL or MariaDB (jdbc:mysql://...) and SQLite"
                + " (jdbc:sqlite:FILE) databases can be imported from.");
    }

    /** The database products Broadside imports from. */
    public enum Kind {
        POSTGRESQL("PostgreSQL"), MYSQL("MySQL / MariaDB"), SQLITE("SQLite");

        private final String label;

        Kind(String label) { this.label = label; }

        @Override
        public String toString() { return label; }
    }
}

package org.broadside.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The SQL engine behind a store: the embedded SQLite file of a data directory (the default) or a team store on
 * PostgreSQL (ADR 0023). Most of Broadside's SQL is written once in the subset both understand (ON CONFLICT, LIMIT
 * and OFFSET, epoch milliseconds as integers, JSON as text); the few places where they differ ask the dialect for
 * their fragment, so each difference is named here and nowhere else.
 */
public enum Dialect {
    SQLITE,
    POSTGRES;

    /** The dialect of an open connection (the driver's product name, which both drivers answer without a query). */
    public static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRES : SQLITE;
    }

    /**
     * {@code expression} compared without regard to case: SQLite's NOCASE collation, PostgreSQL's {@code citext}
     * (the team store's schema declares the same columns citext, so their unique constraints agree as well).
     */
    public String nocase(String expression) {
        return this == SQLITE ? expression + " COLLATE NOCASE" : "(" + expression + ")::citext";
    }

    /** A LIKE that ignores the case of ASCII letters, as SQLite's LIKE does by default. */
    public String likeIgnoringCase() {
        return this == SQLITE ? "LIKE" : "ILIKE";
    }

    /**
     * {@code column = ?} ignoring case. On PostgreSQL both sides are cast to citext: a citext column compared with a
     * text parameter would otherwise fall back to the case-sensitive text equality.
     */
    public String equalsIgnoringCase(String column) {
        return this == SQLITE ? column + " = ? COLLATE NOCASE" : "(" + column + ")::citext = (?)::citext";
    }

}

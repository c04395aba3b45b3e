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
     * {@code column} as an expression the planner will not answer from an index: SQLite's unary plus, which keeps it on
     * the rowid range of a campaign's contiguous rows. PostgreSQL has no unary plus for text and plans ranges well.
     */
    public String withoutIndex(String column) {
        return this == SQLITE ? "+" + column : column;
    }

    /** The 1-based position of {@code needle} in {@code haystack}, 0 when absent: SQLite's instr, PostgreSQL's strpos. */
    public String position(String haystack, String needle) {
        return this == SQLITE ? "instr(" + haystack + ", " + needle + ")" : "strpos(" + haystack + ", " + needle + ")";
    }

    /** An ascending ORDER BY term with NULLs first, as SQLite sorts them (PostgreSQL puts them last unless told). */
    public String ascendingNullsFirst(String expression) {
        return this == SQLITE ? expression : expression + " NULLS FIRST";
    }

    /**
     * {@code expression} in SQLite's NOCASE order on both engines: ASCII letters folded, then code point order
     * (PostgreSQL's citext and locales would also fold and reorder by the server's language rules).
     */
    public String nocaseOrder(String expression) {
        return this == SQLITE ? expression + " COLLATE NOCASE" : "lower((" + expression + ")::text COLLATE \"C\")";
    }

    /** {@code expression} in code point order, SQLite's default, rather than by the PostgreSQL server's locale. */
    public String binaryOrder(String expression) {
        return this == SQLITE ? expression : expression + " COLLATE \"C\"";
    }

    /** Where NULLs go in a sort, as SQLite puts them: first ascending, last descending (PostgreSQL's are the reverse). */
    public String nullsAsSqlite(boolean ascending) {
        return this == SQLITE ? "" : ascending ? " NULLS FIRST" : " NULLS LAST";
    }

    /**
     * {@code column = ?} ignoring case. On PostgreSQL both sides are cast to citext: a citext column compared with a
     * text parameter would otherwise fall back to the case-sensitive text equality.
     */
    public String equalsIgnoringCase(String column) {
        return this == SQLITE ? column + " = ? COLLATE NOCASE" : "(" + column + ")::citext = (?)::citext";
    }
}

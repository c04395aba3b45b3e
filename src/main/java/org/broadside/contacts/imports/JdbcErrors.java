package org.broadside.contacts.imports;

import java.sql.SQLException;

/** Turns driver errors into one sentence a marketer can act on: wrong password, unknown database, bad SQL... */
final class JdbcErrors {
    private JdbcErrors() {}

    static ImportException explain(Throwable error, JdbcSettings settings) {
        SQLException sql = find(error);
        if (sql instanceof org.sqlite.SQLiteException lite) return new ImportException(sqlite(lite, settings), error);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        int code = sql == null ? 0 : sql.getErrorCode();
        String detail = firstLine(sql != null ? sql : error);
        String message;
        if (state.equals("28P01") || state.equals("28000") || code == 1045) {
            message = "The database refused the user name or password (" + detail + ").";
        } else if (state.equals("3D000") || code == 1049) {
            message = "The database does not exist (" + detail + ").";
        } else if (state.equals("57014") || code == 3024 || code == 1317) {
            message = "The query was cancelled after " + settings.timeoutSeconds() + " seconds.";
        } else if (state.startsWith("42") || code == 1064 || code == 1146 || code == 1054) {
            message = "The database could not run the " + (settings.query() != null ? "query" : "table read") + ": " + detail + ".";
        } else if (state.startsWith("08") || state.isEmpty()) {
            message = "Could not connect to the database at " + settings.url() + ": " + detail + ".";
        } else {
            message = "The database reported an error: " + detail + ".";
        }
        return new ImportException(message.replace("..", "."), error);
    }

    /**
     * SQLite's driver gives no SQL state, so the branches above took a missing table for a failed connection: its
     * result code says what went wrong, and the words in its message's last parentheses which table or file.
     */
    private static String sqlite(org.sqlite.SQLiteException e, JdbcSettings settings) {
        String detail = sqliteDetail(firstLine(e));
        String file = settings.url().replaceFirst("^jdbc:sqlite:", "").replaceFirst("\\?.*$", "");
        String message = switch (e.getResultCode()) {
            case SQLITE_ERROR -> "The database could not run the " + (settings.query() != null ? "query" : "table read") + ": " + detail + ".";
            case SQLITE_CANTOPEN -> "Could not open the SQLite file " + file + " (" + detail + "): check the path and that you may read it.";
            case SQLITE_NOTADB -> "The file of " + settings.url() + " is not a SQLite database (" + detail + ").";
            case SQLITE_BUSY, SQLITE_LOCKED -> "The SQLite file is locked by another program (" + detail + "); try again once it is done.";
            default -> "The database reported an error: " + detail + ".";
        };
        return message.replace("..", ".");
    }

    private static final java.util.regex.Pattern SQLITE_MESSAGE = java.util.regex.Pattern.compile("^\\[SQLITE_\\w+]\\s.*?\\((.+)\\)$");

    /** "no such table: x" out of "[SQLITE_ERROR] SQL error or missing database (no such table: x)". */
    static String sqliteDetail(String line) {
        java.util.regex.Matcher m = SQLITE_MESSAGE.matcher(line);
        return m.matches() ? m.group(1) : line;
    }

    private static SQLException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof SQLException s) return s;
        return null;
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }
}

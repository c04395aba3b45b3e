package org.broadside.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Recognises a write refused because a unique key is taken, by the database's result code rather than by its
 * wording: SQLite's extended code, or the standard SQLSTATE 23505 that PostgreSQL and MariaDB report.
 */
public final class DuplicateKeys {
    private static final String UNIQUE_VIOLATION_SQLSTATE = "23505";

    private DuplicateKeys() {}

    /** True when e (or an exception it wraps) says a UNIQUE or PRIMARY KEY constraint refused the write. */
    public static boolean isDuplicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException s) {
                SQLiteErrorCode code = s.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                    return true;
                }
            } else if (t instanceof SQLException q && UNIQUE_VIOLATION_SQLSTATE.equals(q.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

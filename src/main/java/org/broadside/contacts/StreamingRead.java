package org.broadside.contacts;

import org.broadside.store.DataAccess;
import org.broadside.store.Dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A long read that fetches its rows a page at a time. SQLite always does; PostgreSQL's driver honours the fetch size
 * only inside a transaction, and would otherwise hold a million contacts in memory before handing over the first.
 * Closing ends that read-only transaction.
 */
@DataAccess
final class StreamingRead implements AutoCloseable {
    static final int FETCH_SIZE = 1000;
    private final Connection c;
    private final boolean began;

    private StreamingRead(Connection c, boolean began) {
        this.c = c;
        this.began = began;
    }

    /** Makes the connection's next reads stream (on PostgreSQL, by opening a transaction if none is open). */
    static StreamingRead begin(Connection c) throws SQLException {
        boolean begin = Dialect.of(c) == Dialect.POSTGRES && c.getAutoCommit();
        if (begin) c.setAutoCommit(false);
        return new StreamingRead(c, begin);
    }

    @Override
    public void close() throws SQLException {
        if (!began) return;
        // Nothing was written: rolling back only ends the transaction the read needed.
        c.rollback();
        c.setAutoCommit(true);
    }
}

package org.broadside.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The one statement that records a recipient's delivery state, shared by the delivery engine's state writer and by
 * the journal replay at start-up, so both write exactly the same columns. Its parameters travel as a plain array
 * (String, Integer, Long or null in {@link #PARAMETERS} order) because the journal stores them without knowing the
 * engine's types.
 */
public final class RecipientStateStatement {
    public static final String SQL = "UPDATE recipients SET state=?, code=?, enhanced_code=?, reply=?, queue_id=?, attempts=?, "
            + "next_attempt_at=?, first_attempt_at=?, account=?, message_id=COALESCE(?, message_id), run_id=?, connection_no=?, "
            + "reason=?, updated_at=? WHERE id=?";
    /**
     * The replay's form: the same update, applied only when the row was not changed after the journal entry was
     * written (parameter 16 is the entry's time again), so an old journal can never undo a newer state.
     */
    public static final String REPLAY_SQL = SQL + " AND COALESCE(updated_at, 0) <= ?";
    /** Parameter count; index {@link #MESSAGE_ID} keeps the stored Message-ID when null, index {@link #RECIPIENT_ID} is the row. */
    public static final int PARAMETERS = 15;
    public static final int MESSAGE_ID = 9;
    public static final int UPDATED_AT = 13;
    public static final int RECIPIENT_ID = 14;

    private RecipientStateStatement() {}

    public static void bind(PreparedStatement p, Object[] values) throws SQLException {
        if (values.length != PARAMETERS) throw new IllegalArgumentException("expected " + PARAMETERS + " values, got " + values.length);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v != null && !(v instanceof String || v instanceof Integer || v instanceof Long)) {
                throw new IllegalArgumentException("unsupported value type " + v.getClass().getSimpleName() + " at " + i);
            }
            p.setObject(i + 1, v); // SQLite binds by value: NULL, TEXT or INTEGER
        }
    }

    /**
     * Folds a later update of the same recipient onto an earlier one that was never written: the later one wins,
     * except that a null Message-ID keeps the earlier's (the statement's COALESCE would have kept it in the row).
     */
    public static Object[] fold(Object[] earlier, Object[] later) {
        if (later[MESSAGE_ID] != null || earlier[MESSAGE_ID] == null) return later;
        Object[] merged = later.clone();
        merged[MESSAGE_ID] = earlier[MESSAGE_ID];
        return merged;
    }
}

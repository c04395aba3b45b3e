package org.broadside.delivery;

import org.broadside.store.DataAccess;
import org.broadside.store.RecipientStateStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The state writer's batch on a team store as one statement: the recipients' states and the connection log rows of a
 * batch travel as arrays in a single {@code UPDATE ... FROM unnest(...)} with the log insert beside it in the same
 * statement. On a team store every connection waits for its recipient's UNKNOWN mark to be committed before its final
 * "." (ADR 0023), so the writer's cycle is on each message's path; a JDBC batch per table plus a commit were three
 * round trips to the server per cycle, this is one (the session commits by itself: autocommit).
 */
@DataAccess
final class TeamStoreStateBatch implements AutoCloseable {
    private static final String SQL = """
            WITH s AS (
              UPDATE recipients r SET state = v.state, code = v.code, enhanced_code = v.enhanced_code, reply = v.reply,
                queue_id = v.queue_id, attempts = v.attempts, next_attempt_at = v.next_attempt_at,
                first_attempt_at = v.first_attempt_at, account = v.account, message_id = COALESCE(v.message_id, r.message_id),
                run_id = v.run_id, connection_no = v.connection_no, reason = v.reason, updated_at = v.updated_at
              FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[],
                          ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[])
                AS v(state, code, enhanced_code, reply, queue_id, attempts, next_attempt_at, first_attempt_at, account,
                     message_id, run_id, connection_no, reason, updated_at, id)
              WHERE r.id = v.id
              RETURNING 1),
            l AS (
              INSERT INTO connection_log(run_id, connection_no, at, direction, line, recipient_id)
              SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[])
              RETURNING 1)
            SELECT (SELECT count(*) FROM s), (SELECT count(*) FROM l)""";
    /** The SQL type of each state parameter, in {@link RecipientStateStatement} order. */
    private static final String[] STATE_TYPES = {"text", "bigint", "text", "text", "text", "bigint", "bigint", "bigint",
            "text", "text", "bigint", "bigint", "text", "bigint", "bigint"};
    private static final String[] LOG_TYPES = {"bigint", "bigint", "bigint", "text", "text", "bigint"};

    /** One connection log row: run, connection, time, direction, text, recipient (null when none). */
    record LogRow(long runId, long connection, long at, String direction, String line, Long recipientId) {
        Object[] values() {
            return new Object[] {runId, connection, at, direction, line, recipientId};
        }
    }

    private final Connection c;
    private final PreparedStatement statement;

    TeamStoreStateBatch(Connection c) throws SQLException {
        this.c = c;
        this.statement = c.prepareStatement(SQL);
    }

    /** Writes the states (one per recipient, in {@link RecipientStateStatement} order) and log rows in one statement. */
    void write(Collection<Object[]> states, List<LogRow> logs) throws SQLException {
        Object[][] stateColumns = columns(states, STATE_TYPES.length);
        for (int i = 0; i < STATE_TYPES.length; i++) {
            statement.setArray(i + 1, c.createArrayOf(STATE_TYPES[i], stateColumns[i]));
        }
        Object[][] logColumns = columns(logs.stream().map(LogRow::values).toList(), LOG_TYPES.length);
        for (int i = 0; i < LOG_TYPES.length; i++) {
            statement.setArray(STATE_TYPES.length + i + 1, c.createArrayOf(LOG_TYPES[i], logColumns[i]));
        }
        statement.execute();
    }

    /** Turns rows into columns, widening Integer to Long for the bigint arrays (nulls stay null). */
    private static Object[][] columns(Collection<Object[]> rows, int width) {
        Object[][] columns = new Object[width][rows.size()];
        int r = 0;
        for (Object[] row : rows) {
            for (int i = 0; i < width; i++) {
                Object v = row[i];
                columns[i][r] = v instanceof Integer n ? Long.valueOf(n) : v;
            }
            r++;
        }
        return columns;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}

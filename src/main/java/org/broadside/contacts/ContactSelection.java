package org.broadside.contacts;

import org.broadside.store.DataAccess;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The contacts of a list that pass a filter, as a SQL condition over table {@code contacts}, for a statement that
 * copies them inside the store without reading them into Java (the campaign freeze's {@code INSERT ... SELECT}).
 * Valid only on the connection it was made for: on SQLite the filter calls functions registered on that connection.
 */
@DataAccess
public final class ContactSelection {
    private final long listId;
    private final ConditionSql.Where where;

    ContactSelection(long listId, ConditionSql.Where where) {
        this.listId = listId;
        this.where = where;
    }

    /** The condition, with {@code ?} parameters that {@link #bind} fills. */
    public String condition() {
        return "contacts.list_id = ? AND " + where.sql();
    }

    /** Binds the condition's parameters from index {@code first}; returns the next free index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        statement.setLong(first, listId);
        return where.bind(statement, first + 1);
    }
}

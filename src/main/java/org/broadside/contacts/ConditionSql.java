package org.broadside.contacts;

import org.broadside.store.DataAccess;
import org.broadside.store.Dialect;
import org.broadside.merge.Comparison;
import org.broadside.merge.Condition;
import org.broadside.merge.FieldNames;
import org.broadside.merge.Operand;
import org.broadside.merge.Operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a merge-language {@link Condition} into a SQL condition over the {@code email} and {@code fields} columns
 * of table contacts, so a filter selects a million contacts inside SQLite with the meaning it has in memory.
 * <p>
 * Exactness before speed: each comparison is decided by {@value #HOLDS}, a function registered from Java that calls
 * the merge language's own {@link Operator#holds}, because SQLite cannot say what Java says about case outside ASCII
 * ("É" = "é"), about which texts are numbers ("20\t" is 20), or how a long decimal rounds. Fields are found natively
 * with json_each, by the same normalized names as {@link ContactLookup}; only keys that are not plain printable ASCII
 * go through {@value #FIELD_NAME}.
 * <p>
 * A team store (PostgreSQL) has no such functions: there the condition is decided by {@link Condition#test} in Java
 * over the list's rows, and the SQL selects the passing ids (ADR 0023).
 */
@DataAccess
final class ConditionSql {
    /** {@code broadside_holds(symbol, left, right)}: 1 when the comparison holds, by {@link Operator#holds}. */
    static final String HOLDS = "broadside_holds";
    /** {@code broadside_field_name(key)}: the key as {@link FieldNames#normalize} spells it. */
    static final String FIELD_NAME = "broadside_field_name";

    private ConditionSql() {}

    /**
     * A SQL boolean expression with plain {@code ?} parameters, bound in order by {@link #bind} from the index the
     * caller has reached, which answers the next one. A string is bound as text, a {@code Long[]} as a bigint array.
     */
    record Where(String sql, List<Object> parameters) {
        int bind(PreparedStatement statement, int first) throws SQLException {
            int i = first;
            for (Object value : parameters) {
                if (value instanceof Long[] ids) statement.setArray(i++, statement.getConnection().createArrayOf("bigint", ids));
                else statement.setString(i++, (String) value);
            }
            return i;
        }
    }

    /**
     * The condition in SQL over the contacts of list {@code listId} (all of them when there is none). On SQLite it
     * runs in SQL with the functions registered here; on a team store the condition is decided in Java over the
     * list's rows (PostgreSQL cannot call the merge language) and the SQL selects the passing ids.
     */
    static Where compile(Connection c, Condition condition, long listId) throws SQLException {
        Dialect dialect = Dialect.of(c);
        if (condition == null) return new Where(dialect == Dialect.SQLITE ? "1" : "TRUE", List.of());
        if (dialect == Dialect.POSTGRES) return new Where("contacts.id = ANY(?)", List.<Object>of((Object) passingIds(c, condition, listId)));
        register(c);
        return compile(condition);
    }

    /** The ids of the list's contacts for which {@link Condition#test} holds, read a page of rows at a time. */
    private static Long[] passingIds(Connection c, Condition condition, long listId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (var read = StreamingRead.begin(c);
             PreparedStatement p = c.prepareStatement("SELECT id, email, fields FROM contacts WHERE list_id = ? ORDER BY id")) {
            p.setLong(1, listId);
            p.setFetchSize(StreamingRead.FETCH_SIZE);
            try (var rs = p.executeQuery()) {
                while (rs.next()) {
                    Contact contact = new Contact(rs.getLong(1), rs.getString(2), FieldsJson.read(rs.getString(3)));
                    if (condition.test(ContactLookup.of(contact))) ids.add(contact.id());
                }
            }
        }
        return ids.toArray(Long[]::new);
    }

    /** The condition in SQLite's SQL, each comparison decided by {@value #HOLDS}. */
    private static Where compile(Condition condition) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("(");
        List<List<Comparison>> anyOf = condition.anyOf();
        for (int i = 0; i < anyOf.size(); i++) {
            if (i > 0) sql.append(" OR ");
            sql.append('(');
            List<Comparison> allOf = anyOf.get(i);
            for (int j = 0; j < allOf.size(); j++) {
                if (j > 0) sql.append(" AND ");
                Comparison c = allOf.get(j);
                sql.append(HOLDS).append('(').append(parameter(c.operator().symbol(), parameters)).append(", ")
                        .append(operand(c.left(), parameters)).append(", ")
                        .append(operand(c.right(), parameters)).append(") = 1");
            }
            sql.append(')');
        }
        return new Where(sql.append(')').toString(), List.copyOf(parameters));
    }

    private static String operand(Operand operand, List<Object> parameters) {
        if (operand instanceof Operand.Constant constant) return parameter(constant.value(), parameters);
        String name = ((Operand.Field) operand).name();
        if (name.equals("email")) return "COALESCE(contacts.email, '')";
        // The last key that normalizes to the name, as ContactLookup's map keeps the last; a key of plain printable
        // ASCII without leading, trailing or doubled spaces normalizes to lower(key), so the Java call is rare.
        return "COALESCE((SELECT value FROM json_each(contacts.fields) WHERE (CASE WHEN key GLOB '*[^ -~]*' "
                + "OR key GLOB '*  *' OR key GLOB ' *' OR key GLOB '* ' THEN " + FIELD_NAME + "(key) ELSE lower(key) END) = "
                + parameter(name, parameters) + " ORDER BY id DESC LIMIT 1), '')";
    }

    private static String parameter(String value, List<Object> parameters) {
        parameters.add(value);
        return "?";
    }

    /** Makes the two functions known to a connection (SQLite functions belong to the connection, not the file). */
    private static void register(Connection c) throws SQLException {
        org.sqlite.Function.create(c, HOLDS, new org.sqlite.Function() {
            @Override
            protected void xFunc() throws SQLException {
                Operator operator = Operator.ofSymbol(value_text(0));
                String left = value_text(1);
                String right = value_text(2);
                result(operator.holds(left == null ? "" : left, right == null ? "" : right) ? 1 : 0);
            }
        }, 3, org.sqlite.Function.FLAG_DETERMINISTIC);
        org.sqlite.Function.create(c, FIELD_NAME, new org.sqlite.Function() {
            @Override
            protected void xFunc() throws SQLException {
                String key = value_text(0);
                result(key == null ? null : FieldNames.normalize(key));
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
    }
}

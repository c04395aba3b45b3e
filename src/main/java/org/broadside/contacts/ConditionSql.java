package org.broadside.contacts;

import org.broadside.store.DataAccess;
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
 */
@DataAccess
final class ConditionSql {
    /** {@code broadside_holds(symbol, left, right)}: 1 when the comparison holds, by {@link Operator#holds}. */
    static final String HOLDS = "broadside_holds";
    /** {@code broadside_field_name(key)}: the key as {@link FieldNames#normalize} spells it. */
    static final String FIELD_NAME = "broadside_field_name";

    private ConditionSql() {}

    /**
     * A SQL boolean expression whose parameters are numbered {@code ?first}, {@code ?first+1}... so the caller can
     * number its own before them and continue at {@link #nextParameter()}.
     */
    record Where(String sql, int first, List<String> parameters) {
        int nextParameter() {
            return first + parameters.size();
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(first + i, parameters.get(i));
            }
        }
    }

    /** The condition in SQL, or "1" (all contacts) when there is none. Needs {@link #register} on the connection. */
    static Where compile(Condition condition, int firstParameter) {
        List<String> parameters = new ArrayList<>();
        if (condition == null) return new Where("1", firstParameter, parameters);
        StringBuilder sql = new StringBuilder("(");
        List<List<Comparison>> anyOf = condition.anyOf();
        for (int i = 0; i < anyOf.size(); i++) {
            if (i > 0) sql.append(" OR ");
            sql.append('(');
            List<Comparison> allOf = anyOf.get(i);
            for (int j = 0; j < allOf.size(); j++) {
                if (j > 0) sql.append(" AND ");
                Comparison c = allOf.get(j);
                sql.append(HOLDS).append('(').append(parameter(c.operator().symbol(), firstParameter, parameters)).append(", ")
                        .append(operand(c.left(), firstParameter, parameters)).append(", ")
                        .append(operand(c.right(), firstParameter, parameters)).append(") = 1");
            }
            sql.append(')');
        }
        return new Where(sql.append(')').toString(), firstParameter, List.copyOf(parameters));
    }

    private static String operand(Operand operand, int first, List<String> parameters) {
        if (operand instanceof Operand.Constant constant) return parameter(constant.value(), first, parameters);
        String name = ((Operand.Field) operand).name();
        if (name.equals("email")) return "COALESCE(contacts.email, '')";
        // The last key that normalizes to the name, as ContactLookup's map keeps the last; a key of plain printable
        // ASCII without leading, trailing or doubled spaces normalizes to lower(key), so the Java call is rare.
        return "COALESCE((SELECT value FROM json_each(contacts.fields) WHERE (CASE WHEN key GLOB '*[^ -~]*' "
                + "OR key GLOB '*  *' OR key GLOB ' *' OR key GLOB '* ' THEN " + FIELD_NAME + "(key) ELSE lower(key) END) = "
                + parameter(name, first, parameters) + " ORDER BY id DESC LIMIT 1), '')";
    }

    private static String parameter(String value, int first, List<String> parameters) {
        parameters.add(value);
        return "?" + (first + parameters.size() - 1);
    }

    /** Makes the two functions known to a connection (SQLite functions belong to the connection, not the file). */
    static void register(Connection c) throws SQLException {
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

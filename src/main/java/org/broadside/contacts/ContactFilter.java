package org.broadside.contacts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A condition in the merge language's syntax ({@code [[Country]] = "FR" <AND> [[Age]] >= 18}) compiled twice:
 * into SQL over the JSON fields column, so the list manager filters a million rows inside SQLite, and into an
 * in-memory matcher with the same meaning. AND binds tighter than OR; text comparisons ignore case; comparisons
 * are numeric when both sides are numbers; a missing field is the empty text.
 */
public final class ContactFilter {
    private final List<List<Comparison>> anyOf;

    private ContactFilter(List<List<Comparison>> anyOf) {
        this.anyOf = anyOf;
    }

    /** Parses an expression against a list's fields; an unknown field is an error, not an always-false test. */
    public static ContactFilter parse(String expression, List<String> listFields) {
        if (expression == null || expression.isBlank()) throw new FilterSyntaxException("The filter is empty.");
        return new FilterParser(expression, listFields).parse();
    }

    static ContactFilter of(List<List<Comparison>> anyOf) {
        return new ContactFilter(anyOf);
    }

    /** True when the contact passes the filter. */
    public boolean matches(Contact contact) {
        for (List<Comparison> all : anyOf) {
            boolean ok = true;
            for (Comparison c : all) {
                if (!c.matches(contact)) {
                    ok = false;
                    break;
                }
            }
            if (ok) return true;
        }
        return false;
    }

    /** The SQL condition over the columns {@code email} and {@code fields} of table contacts, with its parameters. */
    public SqlCondition toSql() {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < anyOf.size(); i++) {
            if (i > 0) sql.append(" OR ");
            sql.append('(');
            List<Comparison> all = anyOf.get(i);
            for (int j = 0; j < all.size(); j++) {
                if (j > 0) sql.append(" AND ");
                sql.append(all.get(j).toSql(params));
            }
            sql.append(')');
        }
        return new SqlCondition(sql.append(')').toString(), List.copyOf(params));
    }

    /**
     * Registers the Unicode case-folding function the SQL uses when a comparison involves non-ASCII text
     * (SQLite's lower() folds ASCII only). Call once per connection before running {@link #toSql()}.
     */
    public static void registerFunctions(Connection connection) throws SQLException {
        org.sqlite.Function.create(connection.unwrap(org.sqlite.SQLiteConnection.class), "bs_fold", new org.sqlite.Function() {
            @Override
            protected void xFunc() throws SQLException {
                String v = value_text(0);
                result(v == null ? "" : v.toLowerCase(Locale.ROOT));
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
    }

    /** A SQL boolean expression and the values for its '?' placeholders, in order. */
    public record SqlCondition(String sql, List<Object> parameters) {}
}

package org.broadside.contacts;

import org.broadside.merge.Condition;
import org.broadside.store.Database;
import org.broadside.store.Dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The list manager's reads: one page of a list's contacts, searched and sorted in SQL so a million rows never
 * come into memory. {@code sortField} null sorts by insertion order; "Email" sorts by address. The SQL, and the
 * indexes it makes on first use, stay here with the other contact repositories, not in the window that shows pages.
 */
public final class ContactPageRepository {
    private final Database db;

    public ContactPageRepository(Database db) {
        this.db = db;
    }

    /**
     * What the table shows: list, search text, filter (a merge-language condition, null for none; the same
     * language and meaning as a campaign's filter) and sort.
     */
    public record View(long listId, String search, Condition filter, String sortField, boolean ascending) {
        public View {
            search = search == null ? "" : search.strip();
        }

        public View(long listId, String search, String sortField, boolean ascending) {
            this(listId, search, null, sortField, ascending);
        }
    }

    public long count(View v) {
        ensureListIndex();
        return db.read(c -> {
            Query q = query(c, v);
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM contacts" + byList() + " WHERE " + q.where())) {
                q.bind(p);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Per query object, not per process: each database needs its own index (the tests open many). */
    private volatile boolean listIndexed;

    /**
     * An index on the list alone holds each list's ids in order. Without it SQLite reaches a list's rows through the
     * (list, address) index, in address order: a search then reads a million rows in random order (0.9 s to count
     * "Zürich" at a million contacts, against 0.2 s in id order), and a page deep in the list has to walk the table
     * itself. Made the first time the list manager reads (about 0.4 s at a million contacts, off the UI thread), like
     * the sort indexes below; it would belong in a schema migration if the store's owners take it over.
     */
    private void ensureListIndex() {
        // A team store's schema is its own (the unique (list, address) index serves a list there): no index is made
        // at run time on a database others are writing to.
        if (listIndexed || db.dialect() == Dialect.POSTGRES) return;
        db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("CREATE INDEX IF NOT EXISTS " + LIST_INDEX + " ON contacts(list_id)");
            }
            return null;
        });
        listIndexed = true;
    }

    private static final String LIST_INDEX = "contacts_by_list";

    /** Pins the list index where the default order or a count reads through it (the planner prefers the unique one). */
    private String byList() {
        return db.dialect() == Dialect.SQLITE ? " INDEXED BY " + LIST_INDEX : "";
    }

    /** Fields that have a sort index in this database (CREATE INDEX IF NOT EXISTS makes a repeat cheap anyway). */
    private final java.util.Set<String> indexedFields = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Sorting a million contacts by a field would sort them all for every page; an expression index on that field
     * (made the first time the user sorts by it, a few seconds at a million contacts, off the UI thread like every
     * page load) lets each page be read in order instead.
     */
    private void ensureSortIndex(String field) {
        if (db.dialect() == Dialect.POSTGRES) return;
        if (!indexable(field) || indexedFields.contains(field.toLowerCase(java.util.Locale.ROOT))) return;
        String name = "contacts_by_field_" + Integer.toHexString(field.toLowerCase(java.util.Locale.ROOT).hashCode());
        db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("CREATE INDEX IF NOT EXISTS " + name + " ON contacts(list_id, " + sortExpression(field) + ", id)");
            }
            return null;
        });
        indexedFields.add(field.toLowerCase(java.util.Locale.ROOT));
    }

    /** Field names that can be written as a literal JSON path (the index must match the query's text exactly). */
    private static boolean indexable(String field) {
        return field.indexOf('"') < 0 && field.indexOf('\'') < 0 && field.indexOf('\\') < 0;
    }

    private static String sortExpression(String field) {
        return "json_extract(fields, '$.\"" + field + "\"') COLLATE NOCASE";
    }

    public List<Contact> page(View v, long offset, int limit) {
        ensureListIndex();
        if (v.sortField() != null && !isEmail(v.sortField())) ensureSortIndex(v.sortField());
        return db.read(c -> {
            Query q = query(c, v);
            // In the default order, read through the list index, which holds the list's ids in order: the offset is
            // skipped in the small index instead of the table, and never through the (list, address) index, through
            // which SQLite would sort the whole list for every page (1.3 s per page at a million contacts).
            String from = v.sortField() == null ? "contacts" + byList() : "contacts";
            String sql = "SELECT id, email, fields FROM " + from + " WHERE " + q.where() + " ORDER BY " + order(v) + " LIMIT ? OFFSET ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = q.bind(p);
                if (sortsByBoundKey(v)) p.setString(i++, db.dialect() == Dialect.SQLITE ? jsonPath(v.sortField()) : v.sortField());
                p.setInt(i++, limit);
                p.setLong(i, offset);
                List<Contact> out = new ArrayList<>(limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new Contact(rs.getLong(1), rs.getString(2), FieldsJson.read(rs.getString(3))));
                }
                return out;
            }
        });
    }

    /** The WHERE of a view (list, search, filter) with what its parameters are bound to, from the first on. */
    private record Query(String where, String pattern, ConditionSql.Where filter, long listId) {
        int bind(PreparedStatement p) throws java.sql.SQLException {
            p.setLong(1, listId);
            int next = 2;
            if (pattern != null) {
                for (int i = 0; i < 2 * AccentFoldingSearch.CONDITION_PARAMETERS; i++) p.setString(next++, pattern);
            }
            return filter == null ? next : filter.bind(p, next);
        }
    }

    private static Query query(java.sql.Connection c, View v) throws java.sql.SQLException {
        Dialect dialect = Dialect.of(c);
        String where = "list_id = ?";
        String pattern = null;
        if (!v.search().isEmpty()) {
            // Case and accents ignored; on SQLite the Java fold runs only for rows with non-ASCII text (AccentFoldingSearch).
            if (dialect == Dialect.SQLITE) AccentFoldingSearch.register(c);
            where += " AND (" + AccentFoldingSearch.condition(dialect, "email") + " OR " + AccentFoldingSearch.condition(dialect, "fields") + ")";
            pattern = AccentFoldingSearch.likeContaining(v.search());
        }
        ConditionSql.Where filter = null;
        if (v.filter() != null) {
            filter = ConditionSql.compile(c, v.filter(), v.listId());
            where += " AND " + filter.sql();
        }
        return new Query(where, pattern, filter, v.listId());
    }

    /** Whether the sort field is bound as a parameter (never on SQLite when its JSON path can be written literally). */
    private boolean sortsByBoundKey(View v) {
        if (v.sortField() == null || isEmail(v.sortField())) return false;
        return db.dialect() == Dialect.POSTGRES || !indexable(v.sortField());
    }

    private String order(View v) {
        String dir = v.ascending() ? " ASC" : " DESC";
        if (v.sortField() == null) return "id" + dir;
        if (isEmail(v.sortField())) return "email_key" + dir + ", id";
        Dialect dialect = db.dialect();
        if (dialect == Dialect.POSTGRES) {
            // The field's value in SQLite's NOCASE order, missing values where SQLite puts NULLs (ADR 0023).
            return dialect.nocaseOrder("fields::jsonb ->> ?") + dir + dialect.nullsAsSqlite(v.ascending())
                    + ", id" + (indexable(v.sortField()) ? dir : "");
        }
        if (indexable(v.sortField())) return sortExpression(v.sortField()) + dir + ", id" + dir;
        return "json_extract(fields, ?) COLLATE NOCASE" + dir + ", id";
    }

    private static boolean isEmail(String f) { return f.equalsIgnoreCase("email"); }

    static String jsonPath(String field) {
        return "$.\"" + field.replace("\"", "") + "\"";
    }
}

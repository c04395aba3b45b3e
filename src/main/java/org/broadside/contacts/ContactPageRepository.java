package org.broadside.contacts;

import org.broadside.merge.Condition;
import org.broadside.store.Database;

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
            register(c, v);
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM contacts" + byList() + " WHERE " + where(v))) {
                bind(p, v);
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
        if (listIndexed) return;
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
    private static String byList() {
        return " INDEXED BY " + LIST_INDEX;
    }

    /** Fields that have a sort index in this database (CREATE INDEX IF NOT EXISTS makes a repeat cheap anyway). */
    private final java.util.Set<String> indexedFields = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Sorting a million contacts by a field would sort them all for every page; an expression index on that field
     * (made the first time the user sorts by it, a few seconds at a million contacts, off the UI thread like every
     * page load) lets each page be read in order instead.
     */
    private void ensureSortIndex(String field) {
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
            register(c, v);
            // In the default order, read through the list index, which holds the list's ids in order: the offset is
            // skipped in the small index instead of the table, and never through the (list, address) index, through
            // which SQLite would sort the whole list for every page (1.3 s per page at a million contacts).
            String from = v.sortField() == null ? "contacts" + byList() : "contacts";
            String sql = "SELECT id, email, fields FROM " + from + " WHERE " + where(v) + " ORDER BY " + order(v) + " LIMIT ? OFFSET ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = bind(p, v);
                if (v.sortField() != null && !isEmail(v.sortField()) && !indexable(v.sortField())) p.setString(i++, jsonPath(v.sortField()));
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

    private static void register(java.sql.Connection c, View v) throws java.sql.SQLException {
        if (!v.search().isEmpty()) AccentFoldingSearch.register(c);
        if (v.filter() != null) ConditionSql.register(c);
    }

    private static String where(View v) {
        // Case and accents ignored; the Java fold runs only for rows with non-ASCII text (AccentFoldingSearch).
        String where = v.search().isEmpty() ? "list_id = ?1" : "list_id = ?1 AND (" + AccentFoldingSearch.condition("email", "?2")
                + " OR " + AccentFoldingSearch.condition("fields", "?2") + ")";
        // Later bare '?' placeholders (sort path, limit, offset) are numbered after the highest one used here.
        return v.filter() == null ? where : where + " AND " + filterWhere(v).sql();
    }

    private static ConditionSql.Where filterWhere(View v) {
        return ConditionSql.compile(v.filter(), v.search().isEmpty() ? 2 : 3);
    }

    private static int bind(PreparedStatement p, View v) throws java.sql.SQLException {
        p.setLong(1, v.listId());
        int next = 2;
        if (!v.search().isEmpty()) {
            p.setString(2, AccentFoldingSearch.likeContaining(v.search()));
            next = 3;
        }
        if (v.filter() != null) {
            ConditionSql.Where filter = filterWhere(v);
            filter.bind(p);
            next = filter.nextParameter();
        }
        return next;
    }

    private static String order(View v) {
        String dir = v.ascending() ? " ASC" : " DESC";
        if (v.sortField() == null) return "id" + dir;
        if (isEmail(v.sortField())) return "email_key" + dir + ", id";
        if (indexable(v.sortField())) return sortExpression(v.sortField()) + dir + ", id" + dir;
        return "json_extract(fields, ?) COLLATE NOCASE" + dir + ", id";
    }

    private static boolean isEmail(String f) { return f.equalsIgnoreCase("email"); }

    static String jsonPath(String field) {
        return "$.\"" + field.replace("\"", "") + "\"";
    }
}

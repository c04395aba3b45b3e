package org.broadside.contacts;

import org.broadside.store.DataAccess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The edits of contacts' field JSON that SQLite makes in SQL with its JSON functions (json_each,
 * json_group_object, json_patch), made in Java for a team store: PostgreSQL's JSON functions would rewrite the
 * stored text (spacing, key order), which the store keeps exactly as {@link FieldsJson} wrote it (ADR 0023).
 * Each works page by page in the caller's transaction, so memory stays flat.
 */
@DataAccess
final class FieldEditsInJava {
    private static final int PAGE = 1000;

    private FieldEditsInJava() {}

    /** Renames key {@code from} to {@code to} in place, in every contact of the list that has it. */
    static void renameKey(Connection c, long listId, String from, String to) throws SQLException {
        rewrite(c, listId, from, fields -> {
            Map<String, String> out = new LinkedHashMap<>();
            fields.forEach((k, v) -> out.put(k.equals(from) ? to : k, v));
            return out;
        });
    }

    /** Removes key {@code key} from every contact of the list that has it. */
    static void removeKey(Connection c, long listId, String key) throws SQLException {
        rewrite(c, listId, key, fields -> {
            Map<String, String> out = new LinkedHashMap<>(fields);
            out.remove(key);
            return out;
        });
    }

    private static void rewrite(Connection c, long listId, String key, UnaryOperator<Map<String, String>> change)
            throws SQLException {
        long afterId = 0;
        try (PreparedStatement read = c.prepareStatement("SELECT id, fields FROM contacts WHERE list_id = ? AND id > ? "
                + "AND jsonb_exists(fields::jsonb, ?) ORDER BY id LIMIT " + PAGE);
             PreparedStatement write = c.prepareStatement("UPDATE contacts SET fields = ? WHERE id = ?")) {
            while (true) {
                read.setLong(1, listId);
                read.setLong(2, afterId);
                read.setString(3, key);
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        afterId = rs.getLong(1);
                        write.setString(1, FieldsJson.write(change.apply(FieldsJson.read(rs.getString(2)))));
                        write.setLong(2, afterId);
                        write.addBatch();
                    }
                }
                if (rows > 0) write.executeBatch();
                if (rows < PAGE) return;
            }
        }
    }

    /**
     * For a copy into list {@code toListId}: the contacts of the target that have the address of a copied contact
     * take the copied values over their own (SQLite's json_patch: a copied null removes the value). Answers how many
     * target contacts were updated; the caller then inserts the addresses the target lacks.
     */
    static long mergeIntoExisting(Connection c, long toListId, long fromListId, ConditionSql.Where where, long now)
            throws SQLException {
        List<Object[]> updates = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT t.id, t.fields, contacts.fields FROM contacts "
                + "JOIN contacts t ON t.list_id = ? AND t.email_key = contacts.email_key "
                + "WHERE contacts.list_id = ? AND " + where.sql() + " ORDER BY contacts.id")) {
            p.setLong(1, toListId);
            p.setLong(2, fromListId);
            where.bind(p, 3);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> merged = new LinkedHashMap<>(FieldsJson.read(rs.getString(2)));
                    FieldsJson.read(rs.getString(3)).forEach((k, v) -> {
                        if (v == null) merged.remove(k);
                        else merged.put(k, v);
                    });
                    updates.add(new Object[]{rs.getLong(1), FieldsJson.write(merged)});
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE contacts SET fields = ?, updated_at = ? WHERE id = ?")) {
            for (Object[] u : updates) {
                p.setString(1, (String) u[1]);
                p.setLong(2, now);
                p.setLong(3, (Long) u[0]);
                p.addBatch();
            }
            if (!updates.isEmpty()) p.executeBatch();
        }
        return updates.size();
    }
}

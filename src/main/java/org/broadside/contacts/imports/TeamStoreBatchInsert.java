package org.broadside.contacts.imports;

import org.broadside.contacts.FieldsJson;
import org.broadside.store.DataAccess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An import's batch written to a team store (PostgreSQL) in one statement over arrays ({@code unnest}), a round trip
 * per batch instead of per row, and whose count is the rows inserted or changed (a rewritten JDBC batch reports
 * none). Into a list that had contacts, the stored values are merged with the imported ones in Java, as SQLite's
 * json_patch merges them, because PostgreSQL's JSON functions would rewrite the stored text (ADR 0023); an address
 * whose values and spelling come out unchanged is not written, as on SQLite.
 */
@DataAccess
final class TeamStoreBatchInsert {
    private final Connection c;
    private final long listId;
    private final boolean emptyList;
    private final String insert;

    TeamStoreBatchInsert(Connection c, long listId, long now, boolean emptyList) {
        this.c = c;
        this.listId = listId;
        this.emptyList = emptyList;
        String insert = "INSERT INTO contacts(list_id, email, email_key, fields, created_at, updated_at) "
                + "SELECT " + listId + ", r.e, r.k, r.f, " + now + ", " + now
                + " FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS r(e, k, f, n) ORDER BY r.n";
        this.insert = emptyList ? insert : insert + " ON CONFLICT(list_id, email_key) DO UPDATE SET "
                + "fields = excluded.fields, email = excluded.email, updated_at = excluded.updated_at "
                + "WHERE contacts.fields <> excluded.fields OR contacts.email <> excluded.email";
    }

    /** Writes the first {@code size} rows; answers how many were inserted or changed. */
    long write(String[] emails, String[] keys, String[] json, int size) throws SQLException {
        String[] e = java.util.Arrays.copyOf(emails, size);
        String[] k = java.util.Arrays.copyOf(keys, size);
        String[] f = emptyList ? java.util.Arrays.copyOf(json, size) : mergedWithStored(k, json);
        try (PreparedStatement p = c.prepareStatement(insert)) {
            p.setArray(1, c.createArrayOf("text", e));
            p.setArray(2, c.createArrayOf("text", k));
            p.setArray(3, c.createArrayOf("text", f));
            return p.executeUpdate();
        }
    }

    /** Each row's imported values laid over the values the list already has for its address (json_patch). */
    private String[] mergedWithStored(String[] keys, String[] json) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT email_key, fields FROM contacts WHERE list_id = ? AND email_key = ANY(?)")) {
            p.setLong(1, listId);
            p.setArray(2, c.createArrayOf("text", keys));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) stored.put(rs.getString(1), rs.getString(2));
            }
        }
        String[] out = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            String before = stored.get(keys[i]);
            if (before == null) {
                out[i] = json[i];
                continue;
            }
            Map<String, String> merged = new LinkedHashMap<>(FieldsJson.read(before));
            FieldsJson.read(json[i]).forEach((name, value) -> {
                if (value == null) merged.remove(name);
                else merged.put(name, value);
            });
            out[i] = FieldsJson.write(merged);
        }
        return out;
    }
}

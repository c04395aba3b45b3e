package org.broadside.contacts.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.broadside.store.Database;
import org.broadside.store.StoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Import sources saved with a list, so "list refresh" can re-read them. Stored in the import_sources table. */
public final class SavedSources {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Database db;

    public SavedSources(Database db) {
        this.db = db;
    }

    /** One saved source of a list. */
    public record SavedSource(long id, String name, long listId, SourceConfig config, Long lastRunAt) {}

    /** Saves (or replaces, by name) a source for the list. */
    public void save(String name, long listId, SourceConfig config) {
        String json;
        try {
            json = JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO import_sources(name, list_id, kind, config, created_at) "
                    + "VALUES (?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET list_id = excluded.list_id, kind = excluded.kind, "
                    + "config = excluded.config")) {
                p.setString(1, name);
                p.setLong(2, listId);
                p.setString(3, config.kind());
                p.setString(4, json);
                p.setLong(5, System.currentTimeMillis());
                p.executeUpdate();
            }
            return null;
        });
    }

    public List<SavedSource> forList(long listId) {
        return db.read(c -> {
            List<SavedSource> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, name, list_id, config, last_run_at FROM import_sources WHERE list_id = ? ORDER BY id")) {
                p.setLong(1, listId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long last = rs.getLong(5);
                        out.add(new SavedSource(rs.getLong(1), rs.getString(2), rs.getLong(3), parse(rs.getString(4)),
                                rs.wasNull() ? null : last));
                    }
                }
            }
            return out;
        });
    }

    public void markRun(long sourceId) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE import_sources SET last_run_at = ? WHERE id = ?")) {
                p.setLong(1, System.currentTimeMillis());
                p.setLong(2, sourceId);
                p.executeUpdate();
            }
            return null;
        });
    }

    private static SourceConfig parse(String json) {
        try {
            return JSON.readValue(json, SourceConfig.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("A saved import source is damaged: " + e.getOriginalMessage(), e);
        }
    }
}

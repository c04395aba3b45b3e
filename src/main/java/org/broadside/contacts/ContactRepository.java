package org.broadside.contacts;

import org.broadside.events.AppEvent;
import org.broadside.merge.Condition;
import org.broadside.store.Database;
import org.broadside.store.Dialect;
import org.broadside.store.DuplicateKeys;
import org.broadside.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Lists, their fields and their contacts in the store. Contacts are read as a stream, never all at once. */
public class ContactRepository {
    private final Database db;

    public ContactRepository(Database db) {
        this.db = db;
    }

    public Database database() { return db; }

    public List<ContactList> lists() {
        return db.read(c -> {
            List<ContactList> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM lists ORDER BY " + db.dialect().nocaseOrder("name"));
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(new ContactList(rs.getLong(1), rs.getString(2), fields(c, rs.getLong(1))));
            }
            return out;
        });
    }

    public Optional<ContactList> findList(String name) {
        return db.read(c -> findList(c, name));
    }

    public static Optional<ContactList> findList(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM lists WHERE name = " + Dialect.of(c).nocase("?"))) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new ContactList(rs.getLong(1), rs.getString(2), fields(c, rs.getLong(1))));
            }
        }
    }

    /** Finds the list or creates it, empty, with these fields. */
    public ContactList createList(String name, List<String> fieldNames) {
        return db.write(new AppEvent.ListsChanged(name), c -> {
            Optional<ContactList> existing = findList(c, name);
            if (existing.isPresent()) {
                ensureFields(c, existing.get().id(), fieldNames);
                return findList(c, name).orElseThrow();
            }
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO lists(name, created_at) VALUES (?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                p.setString(1, name);
                p.setLong(2, System.currentTimeMillis());
                p.executeUpdate();
                try (ResultSet rs = p.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            ensureFields(c, id, fieldNames);
            return findList(c, name).orElseThrow();
        });
    }

    /** Adds the fields this list lacks, after the existing ones; "Email" is implicit and never added. */
    public static void ensureFields(Connection c, long listId, List<String> fieldNames) throws SQLException {
        List<String> existing = fields(c, listId);
        int position = existing.size();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO list_fields(list_id, position, name) VALUES (?,?,?)")) {
            for (String f : fieldNames) {
                String name = f.strip();
                if (name.isEmpty() || name.equalsIgnoreCase("email")) continue;
                if (existing.stream().anyMatch(e -> e.equalsIgnoreCase(name))) continue;
                p.setLong(1, listId);
                p.setInt(2, position++);
                p.setString(3, name);
                p.executeUpdate();
                existing.add(name);
            }
        }
    }

    public static List<String> fields(Connection c, long listId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT name FROM list_fields WHERE list_id = ? ORDER BY position")) {
            p.setLong(1, listId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    public long count(long listId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM contacts WHERE list_id = ?")) {
                p.setLong(1, listId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Adds contacts, or updates the fields of those whose address is already in the list. One transaction. */
    public void upsert(long listId, List<Contact> contacts) {
        db.write(AppEvent.ListsChanged.ANY, c -> {
            upsert(c, listId, contacts);
            return null;
        });
    }

    public static void upsert(Connection c, long listId, List<Contact> contacts) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO contacts(list_id, email, email_key, fields, created_at, updated_at) VALUES (?,?,?,?,?,?) "
                        + "ON CONFLICT(list_id, email_key) DO UPDATE SET fields = excluded.fields, email = excluded.email, updated_at = excluded.updated_at")) {
            for (Contact contact : contacts) {
                p.setLong(1, listId);
                p.setString(2, contact.email().strip());
                p.setString(3, EmailKeys.key(contact.email()));
                p.setString(4, FieldsJson.write(contact.fields()));
                p.setLong(5, now);
                p.setLong(6, now);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    public Optional<Contact> find(long listId, String email) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, email, fields FROM contacts WHERE list_id = ? AND email_key = ?")) {
                p.setLong(1, listId);
                p.setString(2, EmailKeys.key(email));
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Contact(rs.getLong(1), rs.getString(2), FieldsJson.read(rs.getString(3))));
                }
            }
        });
    }

    /** Streams every contact of a list in insertion order, without holding them in memory. */
    public void forEach(long listId, Consumer<Contact> consumer) {
        db.read(c -> {
            try (var read = StreamingRead.begin(c);
                 PreparedStatement p = c.prepareStatement("SELECT id, email, fields FROM contacts WHERE list_id = ? ORDER BY id")) {
                p.setLong(1, listId);
                p.setFetchSize(StreamingRead.FETCH_SIZE);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) consumer.accept(new Contact(rs.getLong(1), rs.getString(2), FieldsJson.read(rs.getString(3))));
                }
            }
            return null;
        });
    }

    /**
     * Up to {@code limit} contacts of the list with an id above {@code afterId}, in id order: long operations walk a
     * list batch by batch with this, so they can stop between batches and never hold one read open for minutes.
     */
    public List<Contact> batchAfter(long listId, long afterId, int limit) {
        return db.read(c -> batchAfter(c, listId, afterId, limit));
    }

    public static List<Contact> batchAfter(Connection c, long listId, long afterId, int limit) throws SQLException {
        // The unary + keeps SQLite on the id range instead of the (list, address) index, through which it would sort
        // the whole list again for every batch.
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, email, fields FROM contacts WHERE +list_id = ? AND id > ? ORDER BY id LIMIT ?")) {
            p.setLong(1, listId);
            p.setLong(2, afterId);
            p.setInt(3, limit);
            List<Contact> out = new ArrayList<>(Math.min(limit, 10_000));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(new Contact(rs.getLong(1), rs.getString(2), FieldsJson.read(rs.getString(3))));
            }
            return out;
        }
    }

    /** How far a {@link #forEachStoppable} walk got. */
    public record Walk(long read, boolean cancelled) {}

    /** Contacts read per query by {@link #forEachStoppable}. */
    private static final int WALK_BATCH = 10_000;

    /**
     * Hands every contact of the list to {@code action} in id order, {@link #batchAfter batch by batch}, asking the
     * monitor before each batch whether to stop and reporting "contacts read" of {@code total} after each. For the
     * read phase of long operations, which write nothing while they read.
     */
    public Walk forEachStoppable(long listId, long total, ListTaskMonitor monitor, Consumer<Contact> action) {
        long afterId = 0;
        long read = 0;
        while (true) {
            if (monitor.cancelRequested()) return new Walk(read, true);
            List<Contact> batch = batchAfter(listId, afterId, WALK_BATCH);
            batch.forEach(action);
            read += batch.size();
            monitor.progress("contacts read", read, total);
            if (batch.size() < WALK_BATCH) return new Walk(read, false);
            afterId = batch.get(batch.size() - 1).id();
        }
    }

    public ContactList requireList(String name) {
        return findList(name).orElseThrow(() -> new StoreException("There is no list named \"" + name + "\"."));
    }

    /**
     * Every contact of a list as a lazily read stream (one open statement, rows fetched in pages).
     * Close the stream (try-with-resources) to release the connection.
     */
    public java.util.stream.Stream<Contact> stream(long listId) {
        return stream(listId, null);
    }

    /** As {@link #stream(long)}, only the contacts passing the filter (null for all), selected in SQL. */
    public java.util.stream.Stream<Contact> stream(long listId, Condition filter) {
        try {
            Connection c = db.connect();
            ConditionSql.Where where = ConditionSql.compile(c, filter, listId);
            // Closing the connection ends the read's transaction (a pooled one is rolled back and reset).
            StreamingRead.begin(c);
            PreparedStatement p = c.prepareStatement("SELECT id, email, fields FROM contacts WHERE list_id = ? AND " + where.sql() + " ORDER BY id");
            p.setLong(1, listId);
            where.bind(p, 2);
            p.setFetchSize(StreamingRead.FETCH_SIZE);
            ResultSet rs = p.executeQuery();
            java.util.Iterator<Contact> it = new java.util.Iterator<>() {
                Boolean ready;

                @Override
                public boolean hasNext() {
                    if (ready == null) {
                        try {
                            ready = rs.next();
                        } catch (SQLException e) {
                            throw new StoreException("Reading contacts failed: " + e.getMessage(), e);
                        }
                    }
                    return ready;
                }

                @Override
                public Contact next() {
                    if (!hasNext()) throw new java.util.NoSuchElementException();
                    ready = null;
                    try {
                        return new Contact(rs.getLong(1), rs.getString(2), FieldsJson.read(rs.getString(3)));
                    } catch (SQLException e) {
                        throw new StoreException("Reading contacts failed: " + e.getMessage(), e);
                    }
                }
            };
            return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(it, java.util.Spliterator.ORDERED), false)
                    .onClose(() -> {
                        try {
                            c.close();
                        } catch (SQLException ignored) {
                            // Closing a read-only connection cannot lose data.
                        }
                    });
        } catch (SQLException e) {
            throw new StoreException("Reading contacts failed: " + e.getMessage(), e);
        }
    }

    /**
     * Up to limit contacts passing the filter (a merge-language condition, null for all), in insertion order, after
     * skipping offset of them. The filter runs in SQL with the meaning {@link Condition#test} gives it in memory.
     */
    public List<Contact> search(long listId, Condition filter, int offset, int limit) {
        return db.read(c -> {
            ConditionSql.Where where = ConditionSql.compile(c, filter, listId);
            List<Contact> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, email, fields FROM contacts WHERE list_id = ? AND "
                    + where.sql() + " ORDER BY id LIMIT ? OFFSET ?")) {
                p.setLong(1, listId);
                int next = where.bind(p, 2);
                p.setInt(next, limit);
                p.setInt(next + 1, offset);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new Contact(rs.getLong(1), rs.getString(2), FieldsJson.read(rs.getString(3))));
                }
            }
            return out;
        });
    }

    /** How many contacts of the list pass the filter (null counts all). */
    public long count(long listId, Condition filter) {
        if (filter == null) return count(listId);
        return db.read(c -> {
            ConditionSql.Where where = ConditionSql.compile(c, filter, listId);
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM contacts WHERE list_id = ? AND " + where.sql())) {
                p.setLong(1, listId);
                where.bind(p, 2);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Streams the contacts of a list passing the filter (null for all) in insertion order, never all in memory. */
    public void forEach(long listId, Condition filter, Consumer<Contact> consumer) {
        eachRow(listId, filter, rs -> consumer.accept(new Contact(rs.getLong(1), rs.getString(2), FieldsJson.read(rs.getString(3)))));
    }

    /** Hands each row (id, email, fields) of the list passing the filter, in insertion order, never all in memory. */
    private void eachRow(long listId, Condition filter, RowHandler handler) {
        db.read(c -> {
            ConditionSql.Where where = ConditionSql.compile(c, filter, listId);
            try (var read = StreamingRead.begin(c); PreparedStatement p = c.prepareStatement(
                    "SELECT id, email, fields FROM contacts WHERE list_id = ? AND " + where.sql() + " ORDER BY id")) {
                p.setLong(1, listId);
                where.bind(p, 2);
                p.setFetchSize(StreamingRead.FETCH_SIZE);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) handler.row(rs);
                }
            }
            return null;
        });
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** A contact as stored: its address and its fields as the JSON text {@link FieldsJson} wrote. */
    @FunctionalInterface
    public interface StoredContactConsumer {
        void accept(String email, String fieldsJson);
    }

    /**
     * Like {@link #forEach}, without parsing the fields: for copying contacts elsewhere as they are (the campaign
     * freeze copies a million field objects that it has no need to read).
     */
    public void forEachStored(long listId, Condition filter, StoredContactConsumer consumer) {
        eachRow(listId, filter, rs -> consumer.accept(rs.getString(2), rs.getString(3)));
    }

    /**
     * The list's contacts that pass the filter (all when it is null), as SQL for copying them within the store on this
     * connection, in the transaction the caller holds.
     */
    public static ContactSelection select(Connection c, long listId, Condition filter) throws SQLException {
        return new ContactSelection(listId, ConditionSql.compile(c, filter, listId));
    }

    /** Adds one contact; refuses an address the list already has (compared case-insensitively). */
    public Contact add(long listId, Contact contact) {
        return db.write(AppEvent.ListsChanged.ANY, c -> {
            ensureFields(c, listId, new ArrayList<>(contact.fields().keySet()));
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO contacts(list_id, email, email_key, fields, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                long now = System.currentTimeMillis();
                p.setLong(1, listId);
                p.setString(2, contact.email().strip());
                p.setString(3, EmailKeys.key(contact.email()));
                p.setString(4, FieldsJson.write(contact.fields()));
                p.setLong(5, now);
                p.setLong(6, now);
                p.executeUpdate();
                try (ResultSet rs = p.getGeneratedKeys()) {
                    rs.next();
                    return new Contact(rs.getLong(1), contact.email().strip(), contact.fields());
                }
            } catch (SQLException e) {
                if (DuplicateKeys.isDuplicate(e)) {
                    throw new StoreException("The list already has the address " + contact.email().strip() + ".");
                }
                throw e;
            }
        });
    }

    /** Replaces a stored contact's address and fields; refuses an address another contact of the list has. */
    public void update(Contact contact) {
        update(null, contact);
    }

    /**
     * Replaces a stored contact's address and fields if it still is {@code before}, what the person editing it saw:
     * somebody else may have changed it since (another window, another computer on a team store), and their change
     * must not be overwritten unseen. Refuses with {@link ContactChangedException} then, saving nothing. A null
     * {@code before} saves whatever the contact holds now.
     */
    public void update(Contact before, Contact contact) {
        db.write(AppEvent.ListsChanged.ANY, c -> {
            long listId;
            // The write lock first (a no-op update): two saves of one contact at once are then checked one after the other.
            try (PreparedStatement p = c.prepareStatement("UPDATE contacts SET updated_at = updated_at WHERE id = ?")) {
                p.setLong(1, contact.id());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT list_id, email, fields, updated_at FROM contacts WHERE id = ?")) {
                p.setLong(1, contact.id());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException(before == null ? "That contact no longer exists."
                                : "Somebody deleted " + before.email() + " (in another window or on another computer) after you"
                                + " opened it. Nothing was saved; add it again if it should stay.");
                    }
                    listId = rs.getLong(1);
                    Contact now = new Contact(contact.id(), rs.getString(2), FieldsJson.read(rs.getString(3)));
                    if (before != null && !sameContent(before, now)) throw new ContactChangedException(before, now, rs.getLong(4));
                }
            }
            ensureFields(c, listId, new ArrayList<>(contact.fields().keySet()));
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE contacts SET email = ?, email_key = ?, fields = ?, updated_at = ? WHERE id = ?")) {
                p.setString(1, contact.email().strip());
                p.setString(2, EmailKeys.key(contact.email()));
                p.setString(3, FieldsJson.write(contact.fields()));
                p.setLong(4, System.currentTimeMillis());
                p.setLong(5, contact.id());
                p.executeUpdate();
            } catch (SQLException e) {
                if (DuplicateKeys.isDuplicate(e)) {
                    throw new StoreException("The list already has the address " + contact.email().strip() + ".");
                }
                throw e;
            }
            return null;
        });
    }

    /** Same address and the same non-empty fields: a field added to the list later reads as empty in both. */
    private static boolean sameContent(Contact a, Contact b) {
        return a.email().strip().equals(b.email().strip()) && nonEmpty(a.fields()).equals(nonEmpty(b.fields()));
    }

    private static Map<String, String> nonEmpty(Map<String, String> fields) {
        Map<String, String> out = new java.util.TreeMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) out.put(k, v);
        });
        return out;
    }

    /** Deletes contacts by id; returns how many were deleted. */
    public int delete(List<Long> contactIds) {
        return db.write(AppEvent.ListsChanged.ANY, c -> {
            int n = 0;
            try (PreparedStatement p = c.prepareStatement("DELETE FROM contacts WHERE id = ?")) {
                for (long id : contactIds) {
                    p.setLong(1, id);
                    n += p.executeUpdate();
                }
            }
            return n;
        });
    }

    /** Deletes a list with its fields, contacts and saved import sources. */
    public boolean deleteList(long listId) {
        return db.write(AppEvent.ListsChanged.ANY, c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM lists WHERE id = ?")) {
                p.setLong(1, listId);
                return p.executeUpdate() == 1;
            }
        });
    }

    public void renameList(long listId, String newName) {
        db.write(AppEvent.ListsChanged.ANY, c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE lists SET name = ? WHERE id = ?")) {
                p.setString(1, newName.strip());
                p.setLong(2, listId);
                p.executeUpdate();
            } catch (SQLException e) {
                if (DuplicateKeys.isDuplicate(e)) {
                    throw new StoreException("A list named \"" + newName.strip() + "\" already exists.");
                }
                throw e;
            }
            return null;
        });
    }

    public void addField(long listId, String name) {
        db.write(AppEvent.ListsChanged.ANY, c -> {
            ensureFields(c, listId, List.of(name));
            return null;
        });
    }

    /** Renames a field in the list and in every contact's values. */
    public void renameField(long listId, String oldName, String newName) {
        db.write(AppEvent.ListsChanged.ANY, c -> {
            String old = existingField(c, listId, oldName);
            String fresh = newName.strip();
            if (fresh.isEmpty() || fresh.equalsIgnoreCase("email")) throw new StoreException("\"" + newName + "\" cannot be a field name.");
            boolean caseOnly = old.equalsIgnoreCase(fresh);
            if (!caseOnly && fields(c, listId).stream().anyMatch(f -> f.equalsIgnoreCase(fresh))) {
                throw new StoreException("The list already has a field named \"" + fresh + "\".");
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE list_fields SET name = ? WHERE list_id = ? AND name = ?")) {
                p.setString(1, fresh);
                p.setLong(2, listId);
                p.setString(3, old);
                p.executeUpdate();
            }
            if (db.dialect() == Dialect.POSTGRES) {
                FieldEditsInJava.renameKey(c, listId, old, fresh);
                return null;
            }
            // Rebuilt through json_each rather than JSON paths, which cannot name keys containing quotes.
            try (PreparedStatement p = c.prepareStatement("UPDATE contacts SET fields = (SELECT json_group_object("
                    + "CASE WHEN key = ? THEN ? ELSE key END, value) FROM json_each(contacts.fields)) WHERE list_id = ? "
                    + "AND EXISTS (SELECT 1 FROM json_each(contacts.fields) WHERE key = ?)")) {
                p.setString(1, old);
                p.setString(2, fresh);
                p.setLong(3, listId);
                p.setString(4, old);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The list's own spelling of a field named {@code name} in any case, or an error saying the list has none. */
    private static String existingField(Connection c, long listId, String name) throws SQLException {
        return fields(c, listId).stream().filter(f -> f.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new StoreException("The list has no field named \"" + name + "\"."));
    }

    /** Removes a field from the list and its value from every contact. */
    public void deleteField(long listId, String name) {
        db.write(AppEvent.ListsChanged.ANY, c -> {
            String field = existingField(c, listId, name);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM list_fields WHERE list_id = ? AND name = ?")) {
                p.setLong(1, listId);
                p.setString(2, field);
                p.executeUpdate();
            }
            if (db.dialect() == Dialect.POSTGRES) {
                FieldEditsInJava.removeKey(c, listId, field);
                return null;
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE contacts SET fields = (SELECT json_group_object(key, value) "
                    + "FROM json_each(contacts.fields) WHERE key <> ?) WHERE list_id = ? "
                    + "AND EXISTS (SELECT 1 FROM json_each(contacts.fields) WHERE key = ?)")) {
                p.setString(1, field);
                p.setLong(2, listId);
                p.setString(3, field);
                p.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Copies the contacts passing the filter (null for all) into another list, which gains the source's fields;
     * an address the target already has gets the copied values. With move, they leave the source list.
     * Returns how many contacts were copied or moved.
     */
    public long copy(long fromListId, long toListId, Condition filter, boolean move) {
        if (fromListId == toListId) return 0;
        return db.write(AppEvent.ListsChanged.ANY, c -> {
            ensureFields(c, toListId, fields(c, fromListId));
            ConditionSql.Where where = ConditionSql.compile(c, filter, fromListId);
            long now = System.currentTimeMillis();
            long n = 0;
            // On a team store the addresses the target has are merged in Java first, the others inserted below.
            boolean mergedInJava = db.dialect() == Dialect.POSTGRES;
            if (mergedInJava) n += FieldEditsInJava.mergeIntoExisting(c, toListId, fromListId, where, now);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO contacts(list_id, email, email_key, fields, created_at, updated_at) "
                            + "SELECT ?, email, email_key, fields, created_at, ? FROM contacts WHERE list_id = ? AND " + where.sql()
                            + " ORDER BY id ON CONFLICT(list_id, email_key) DO " + (mergedInJava ? "NOTHING" : "UPDATE SET "
                            + "fields = json_patch(contacts.fields, excluded.fields), updated_at = excluded.updated_at"))) {
                p.setLong(1, toListId);
                p.setLong(2, now);
                p.setLong(3, fromListId);
                where.bind(p, 4);
                n += p.executeUpdate();
            }
            if (move) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM contacts WHERE list_id = ? AND " + where.sql())) {
                    p.setLong(1, fromListId);
                    where.bind(p, 2);
                    p.executeUpdate();
                }
            }
            return n;
        });
    }
}

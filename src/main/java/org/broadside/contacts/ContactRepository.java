package org.broadside.contacts;

import org.broadside.store.Database;
import org.broadside.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
            try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM lists ORDER BY name COLLATE NOCASE");
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
        try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM lists WHERE name = ? COLLATE NOCASE")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new ContactList(rs.getLong(1), rs.getString(2), fields(c, rs.getLong(1))));
            }
        }
    }

    /** Finds the list or creates it, empty, with these fields. */
    public ContactList createList(String name, List<String> fieldNames) {
        return db.inTransaction(c -> {
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
        db.inTransaction(c -> {
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
            try (PreparedStatement p = c.prepareStatement("SELECT id, email, fields FROM contacts WHERE list_id = ? ORDER BY id")) {
                p.setLong(1, listId);
                p.setFetchSize(1000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) consumer.accept(new Contact(rs.getLong(1), rs.getString(2), FieldsJson.read(rs.getString(3))));
                }
            }
            return null;
        });
    }

    public ContactList requireList(String name) {
        return findList(name).orElseThrow(() -> new StoreException("There is no list named \"" + name + "\"."));
    }

    /**
     * Every contact of a list as a lazily read stream (one open statement, rows fetched in pages).
     * Close the stream (try-with-resources) to release the connection.
     */
    public java.util.stream.Stream<Contact> stream(long listId) {
        try {
            Connection c = db.connect();
            PreparedStatement p = c.prepareStatement("SELECT id, email, fields FROM contacts WHERE list_id = ? ORDER BY id");
            p.setLong(1, listId);
            p.setFetchSize(1000);
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
}

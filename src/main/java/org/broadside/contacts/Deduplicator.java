package org.broadside.contacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes duplicate addresses. Within a list, exact duplicates cannot exist (the store keys addresses
 * case-insensitively), so this catches what differs only in ways mail servers ignore: Unicode forms, invisible
 * characters, a trailing dot on the domain, "mailto:". The earliest contact is kept and inherits the values it
 * lacked. Across lists, an address is kept only in the first list (in the order given) that has it.
 */
public final class Deduplicator {
    private final ContactRepository contacts;

    public Deduplicator(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** Returns how many contacts were removed from the list. */
    public long withinList(long listId) {
        Map<String, List<Contact>> loose = new HashMap<>();
        contacts.forEach(listId, c -> {
            String strict = EmailKeys.key(c.email());
            String l = looseKey(c.email());
            if (!l.equals(strict)) {
                loose.computeIfAbsent(l, k -> new ArrayList<>()).add(c);
            }
        });
        if (loose.isEmpty()) return 0;
        return contacts.database().inTransaction(conn -> {
            long removed = 0;
            for (var e : loose.entrySet()) {
                List<Contact> group = new ArrayList<>();
                findByKey(conn, listId, e.getKey()).ifPresent(group::add);
                group.addAll(e.getValue());
                if (group.size() < 2) continue;
                group.sort((a, b) -> Long.compare(a.id(), b.id()));
                Contact keep = group.get(0);
                Map<String, String> merged = new LinkedHashMap<>(keep.fields());
                for (Contact other : group.subList(1, group.size())) {
                    other.fields().forEach((k, v) -> {
                        if (v != null && !v.isBlank() && merged.getOrDefault(k, "").isBlank()) merged.put(k, v);
                    });
                    try (PreparedStatement p = conn.prepareStatement("DELETE FROM contacts WHERE id = ?")) {
                        p.setLong(1, other.id());
                        removed += p.executeUpdate();
                    }
                }
                try (PreparedStatement p = conn.prepareStatement("UPDATE contacts SET fields = ?, updated_at = ? WHERE id = ?")) {
                    p.setString(1, FieldsJson.write(merged));
                    p.setLong(2, System.currentTimeMillis());
                    p.setLong(3, keep.id());
                    p.executeUpdate();
                }
            }
            return removed;
        });
    }

    /**
     * Keeps each address only in the first of the lists that has it (lists in priority order).
     * Returns how many contacts were removed from each later list, by list id.
     */
    public Map<Long, Long> acrossLists(List<Long> listIdsInPriority) {
        return contacts.database().inTransaction(conn -> {
            Map<Long, Long> removed = new LinkedHashMap<>();
            for (int i = 1; i < listIdsInPriority.size(); i++) {
                List<Long> earlier = listIdsInPriority.subList(0, i);
                String in = String.join(",", earlier.stream().map(String::valueOf).toList());
                try (PreparedStatement p = conn.prepareStatement("DELETE FROM contacts WHERE list_id = ? AND email_key IN "
                        + "(SELECT email_key FROM contacts WHERE list_id IN (" + in + "))")) {
                    p.setLong(1, listIdsInPriority.get(i));
                    removed.put(listIdsInPriority.get(i), (long) p.executeUpdate());
                }
            }
            return removed;
        });
    }

    private static java.util.Optional<Contact> findByKey(Connection c, long listId, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id, email, fields FROM contacts WHERE list_id = ? AND email_key = ?")) {
            p.setLong(1, listId);
            p.setString(2, key);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return java.util.Optional.empty();
                return java.util.Optional.of(new Contact(rs.getLong(1), rs.getString(2), FieldsJson.read(rs.getString(3))));
            }
        }
    }

    /** The comparison key after removing differences mail servers ignore. */
    static String looseKey(String email) {
        String e = Normalizer.normalize(email, Normalizer.Form.NFC).replaceAll("[\\u200B-\\u200D\\uFEFF\\u00AD]", "").strip();
        if (e.regionMatches(true, 0, "mailto:", 0, 7)) e = e.substring(7);
        if (e.startsWith("<") && e.endsWith(">")) e = e.substring(1, e.length() - 1);
        while (e.endsWith(".")) e = e.substring(0, e.length() - 1);
        return EmailKeys.key(e);
    }
}

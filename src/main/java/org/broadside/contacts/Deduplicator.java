package org.broadside.contacts;

import org.broadside.store.DataAccess;
import org.broadside.events.AppEvent;
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
@DataAccess
public final class Deduplicator {
    private final ContactRepository contacts;

    public Deduplicator(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** Returns how many contacts were removed from the list. */
    public long withinList(long listId) {
        return withinList(listId, ListTaskMonitor.NONE).removed();
    }

    /**
     * What a de-duplication did. {@code cancelled} is null for a complete run, else the sentence saying how far it
     * got; {@code total} is the size of the list when it began.
     */
    public record Result(long removed, long total, String cancelled) {
        /** The sentence for the user. */
        public String describe(String listName) {
            return cancelled != null ? cancelled : removed + " duplicate(s) removed from " + listName + ".";
        }
    }

    /** Groups of duplicates merged per transaction: the unit of cancelling and of what a cancel keeps. */
    static final int MERGE_BATCH = 200;

    /**
     * Like {@link #withinList(long)}, stoppable between batches. A cancel while reading changes nothing; a cancel
     * while merging keeps the groups already merged (each group is merged whole in one transaction, so no contact is
     * half-merged) and leaves the other groups as they were: the list is consistent either way, and a second run
     * finishes the job.
     */
    public Result withinList(long listId, ListTaskMonitor monitor) {
        long total = contacts.count(listId);
        Map<String, List<Contact>> loose = new HashMap<>();
        ContactRepository.Walk walk = contacts.forEachStoppable(listId, total, monitor, c -> {
            String l = looseKey(c.email());
            if (!l.equals(EmailKeys.key(c.email()))) loose.computeIfAbsent(l, k -> new ArrayList<>()).add(c);
        });
        if (walk.cancelled()) {
            return new Result(0, total, String.format("De-duplication cancelled after reading %,d of %,d contacts;"
                    + " nothing was removed.", walk.read(), total));
        }
        List<Map.Entry<String, List<Contact>>> groups = new ArrayList<>(loose.entrySet());
        long removed = 0;
        for (int from = 0; from < groups.size(); from += MERGE_BATCH) {
            if (monitor.cancelRequested()) {
                return new Result(removed, total, String.format("De-duplication cancelled after merging %,d of %,d addresses"
                        + " written in several ways: %,d duplicate(s) removed; the others were left as they were.",
                        from, groups.size(), removed));
            }
            List<Map.Entry<String, List<Contact>>> slice = groups.subList(from, Math.min(groups.size(), from + MERGE_BATCH));
            removed += contacts.database().write(AppEvent.ListsChanged.ANY, conn -> merge(conn, listId, slice));
            monitor.progress("addresses merged", Math.min(groups.size(), from + MERGE_BATCH), groups.size());
        }
        return new Result(removed, total, null);
    }

    /** Merges each group into its earliest contact; answers how many contacts went. */
    private static long merge(Connection conn, long listId, List<Map.Entry<String, List<Contact>>> slice) throws SQLException {
        long removed = 0;
        for (var e : slice) {
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
    }

    /**
     * Keeps each address only in the first of the lists that has it (lists in priority order).
     * Returns how many contacts were removed from each later list, by list id.
     */
    public Map<Long, Long> acrossLists(List<Long> listIdsInPriority) {
        return contacts.database().write(AppEvent.ListsChanged.ANY, conn -> {
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

package org.broadside.bounces;

import org.broadside.store.DataAccess;
import org.broadside.contacts.EmailKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marks contacts in every list through their comma-separated flags ("bounced", "complained", "unsubscribed"),
 * the same column list validation writes. Lookups go list by list so each uses the (list_id, email_key) index.
 */
@DataAccess
final class ContactFlags {
    private ContactFlags() {}

    /** Adds the flag to every contact with this address; true when at least one contact did not have it yet. */
    static boolean add(Connection c, String email, String flag) throws SQLException {
        boolean changed = false;
        for (long contact : contacts(c, email)) {
            List<String> flags = parse(flagsOf(c, contact));
            if (flags.contains(flag)) continue;
            flags.add(flag);
            write(c, contact, flags);
            changed = true;
        }
        return changed;
    }

    static void remove(Connection c, String email, String flag) throws SQLException {
        for (long contact : contacts(c, email)) {
            List<String> flags = parse(flagsOf(c, contact));
            if (flags.remove(flag)) write(c, contact, flags);
        }
    }

    private static List<Long> contacts(Connection c, String email) throws SQLException {
        String key = EmailKeys.key(email);
        List<Long> out = new ArrayList<>();
        List<Long> lists = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM lists"); ResultSet rs = p.executeQuery()) {
            while (rs.next()) lists.add(rs.getLong(1));
        }
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM contacts WHERE list_id = ? AND email_key = ?")) {
            for (long list : lists) {
                p.setLong(1, list);
                p.setString(2, key);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static String flagsOf(Connection c, long contactId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT flags FROM contacts WHERE id = ?")) {
            p.setLong(1, contactId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void write(Connection c, long contactId, List<String> flags) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE contacts SET flags = ?, updated_at = ? WHERE id = ?")) {
            p.setString(1, flags.isEmpty() ? null : String.join(",", flags));
            p.setLong(2, System.currentTimeMillis());
            p.setLong(3, contactId);
            p.executeUpdate();
        }
    }

    static List<String> parse(String flags) {
        List<String> out = new ArrayList<>();
        if (flags == null || flags.isBlank()) return out;
        Arrays.stream(flags.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}

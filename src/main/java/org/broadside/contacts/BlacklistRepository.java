package org.broadside.contacts;

import org.broadside.events.AppEvent;
import org.broadside.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The global blacklist: addresses and whole domains ("@example.com") that no campaign may send to. */
public class BlacklistRepository {
    private final Database db;

    public BlacklistRepository(Database db) {
        this.db = db;
    }

    /** Normalises an entry: an address becomes its comparison key, a domain "@example.com" lower-case punycode. */
    public static String normalize(String entry) {
        String e = entry.strip();
        if (e.startsWith("@")) return "@" + EmailKeys.domainKey("x" + e);
        return EmailKeys.key(e);
    }

    /** Adds the entry unless present; returns true when it was new. */
    public boolean add(String entry, String reason, String source) {
        String normalized = normalize(entry);
        return db.write(new AppEvent.BlacklistChanged(), c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO blacklist(entry, reason, source, added_at) VALUES (?,?,?,?) ON CONFLICT(entry) DO NOTHING")) {
                p.setString(1, normalized);
                p.setString(2, reason);
                p.setString(3, source);
                p.setLong(4, System.currentTimeMillis());
                return p.executeUpdate() == 1;
            }
        });
    }

    /** Adds many entries in one transaction; returns how many were new. */
    public int addAll(List<String> entries, String reason, String source) {
        return db.write(new AppEvent.BlacklistChanged(), c -> {
            int added = 0;
            long now = System.currentTimeMillis();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO blacklist(entry, reason, source, added_at) VALUES (?,?,?,?) ON CONFLICT(entry) DO NOTHING")) {
                for (String entry : entries) {
                    p.setString(1, normalize(entry));
                    p.setString(2, reason);
                    p.setString(3, source);
                    p.setLong(4, now);
                    added += p.executeUpdate();
                }
            }
            return added;
        });
    }

    public boolean remove(String entry) {
        String normalized = normalize(entry);
        return db.write(new AppEvent.BlacklistChanged(), c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM blacklist WHERE entry = ?")) {
                p.setString(1, normalized);
                return p.executeUpdate() == 1;
            }
        });
    }

    public List<BlacklistEntry> entries() {
        return db.read(c -> {
            List<BlacklistEntry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT entry, reason, source, added_at FROM blacklist ORDER BY " + db.dialect().binaryOrder("entry"));
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(new BlacklistEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
            return out;
        });
    }

    /** A point-in-time copy for matching many addresses quickly (the engine takes one when it freezes a campaign). */
    public Matcher snapshot() {
        Set<String> all = db.read(c -> {
            Set<String> s = new HashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT entry FROM blacklist"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) s.add(rs.getString(1));
            }
            return s;
        });
        return new Matcher(all);
    }

    /** One blacklist row. */
    public record BlacklistEntry(String entry, String reason, String source, long addedAtMillis) {}

    /** Matches addresses against a snapshot of the blacklist. */
    public static final class Matcher {
        private final Set<String> entries;

        Matcher(Set<String> entries) {
            this.entries = entries;
        }

        /** The matching entry ("a@b.c" or "@b.c"), or null when the address may be sent to. */
        public String match(String email) {
            return matchKey(EmailKeys.key(email));
        }

        /** As {@link #match}, for an address already in its {@link EmailKeys#key} form (the import has it). */
        public String matchKey(String key) {
            if (entries.isEmpty()) return null;
            if (entries.contains(key)) return key;
            int at = key.lastIndexOf('@');
            if (at >= 0) {
                String domain = key.substring(at).toLowerCase(Locale.ROOT);
                if (entries.contains(domain)) return domain;
            }
            return null;
        }
    }
}

package org.broadside.unsubscribe;

import org.broadside.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The Broadside servers this desktop pulls unsubscribes from, and how the last pull went. */
public final class UnsubscribeServerRepository {
    private final Database db;

    public UnsubscribeServerRepository(Database db) {
        this.db = db;
    }

    /** A server this desktop pulls from. */
    public record PulledServer(String url, Long lastPullAt, String lastResult) {}

    /** Adds the server (its URL without a trailing slash); nothing happens when it is there already. */
    public void add(String url) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO unsubscribe_servers(url, added_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                p.setString(1, normalize(url));
                p.setLong(2, System.currentTimeMillis());
                return p.executeUpdate();
            }
        });
    }

    /** Forgets the server and how its pulls went (its key is the credential store's: {@link ServerKeys#forget}). */
    public void remove(String url) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM unsubscribe_servers WHERE url = ?")) {
                p.setString(1, normalize(url));
                return p.executeUpdate();
            }
        });
    }

    public List<PulledServer> list() {
        return db.read(c -> {
            List<PulledServer> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT url, last_pull_at, last_result FROM unsubscribe_servers ORDER BY url");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long at = rs.getLong(2);
                    out.add(new PulledServer(rs.getString(1), rs.wasNull() ? null : at, rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** Notes the outcome of a pull ("2 new events: ..." or the error's sentence). */
    public void recordPull(String url, String result) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE unsubscribe_servers SET last_pull_at = ?, last_result = ? WHERE url = ?")) {
                p.setLong(1, System.currentTimeMillis());
                p.setString(2, result);
                p.setString(3, normalize(url));
                return p.executeUpdate();
            }
        });
    }

    static String normalize(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}

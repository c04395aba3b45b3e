package org.broadside.bounces;

import org.broadside.events.AppEvent;
import org.broadside.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The stored, editable bounce rules (one row, created by the migration with the defaults). */
public final class BounceRulesRepository {
    private final Database db;

    public BounceRulesRepository(Database db) {
        this.db = db;
    }

    public BounceRules get() {
        return db.read(BounceRulesRepository::get);
    }

    static BounceRules get(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT hard_bounce_blacklist, soft_bounce_limit, complaint_blacklist, unsubscribe_blacklist FROM bounce_rules WHERE id = 1");
             ResultSet rs = p.executeQuery()) {
            if (!rs.next()) return BounceRules.DEFAULT;
            return new BounceRules(rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4));
        }
    }

    public void save(BounceRules rules) {
        db.write(new AppEvent.BouncesChanged(), c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bounce_rules(id, hard_bounce_blacklist, soft_bounce_limit, complaint_blacklist, "
                    + "unsubscribe_blacklist, updated_at) VALUES (1,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET hard_bounce_blacklist = excluded.hard_bounce_blacklist, "
                    + "soft_bounce_limit = excluded.soft_bounce_limit, complaint_blacklist = excluded.complaint_blacklist, "
                    + "unsubscribe_blacklist = excluded.unsubscribe_blacklist, updated_at = excluded.updated_at")) {
                p.setInt(1, asInt(rules.blacklistHardBounces()));
                p.setInt(2, rules.softBounceLimit());
                p.setInt(3, asInt(rules.blacklistComplaints()));
                p.setInt(4, asInt(rules.blacklistUnsubscribes()));
                p.setLong(5, System.currentTimeMillis());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Booleans are stored as 0/1 integers on both engines (the team store's columns are BIGINT). */
    private static int asInt(boolean b) {
        return b ? 1 : 0;
    }
}

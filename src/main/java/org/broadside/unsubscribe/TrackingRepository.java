package org.broadside.unsubscribe;

import org.broadside.events.AppEvent;
import org.broadside.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens and clicks of tracked campaigns on the sending desktop's store: per recipient for the report's columns, and
 * as counts and a per-link table for the Delivery panel. An event is kept once (its uid), however often it is pulled.
 */
public final class TrackingRepository {
    // CASE rather than SUM(kind = 'OPEN'): PostgreSQL does not add up booleans.
    private static final String COUNT_OPENS = "SUM(CASE WHEN kind = 'OPEN' THEN 1 ELSE 0 END)";
    private static final String COUNT_CLICKS = "SUM(CASE WHEN kind = 'CLICK' THEN 1 ELSE 0 END)";
    private final Database db;

    public TrackingRepository(Database db) {
        this.db = db;
    }

    /** A recipient's opens and clicks. */
    public record Counts(int opens, int clicks) {}

    /** One link's clicks: all of them, and by how many recipients. */
    public record LinkClicks(String url, long clicks, long recipients) {}

    /** A campaign's totals: opens and clicks, and how many recipients opened or clicked at least once. */
    public record Totals(long opens, long openers, long clicks, long clickers) {}

    /** Records the event unless its uid is there already; 1 when it was new. */
    static int record(Connection c, ServerEvent e) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO tracking_events(uid, campaign_uid, email, email_key, kind, link, url, at) "
                + "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
            p.setString(1, e.uid());
            p.setString(2, e.campaignUid());
            p.setString(3, e.email());
            p.setString(4, RecipientTokens.emailKey(e.email()));
            p.setString(5, e.kind().name());
            p.setObject(6, e.link());
            p.setString(7, e.url());
            p.setLong(8, e.at().toEpochMilli());
            return p.executeUpdate();
        }
    }

    /**
     * Records pulled events (opens and clicks; others are ignored); returns how many were new. New ones are announced
     * ({@link AppEvent.TrackingChanged}), so an open Delivery panel shows them without being reopened.
     */
    public int recordAll(List<ServerEvent> events) {
        int added = db.inTransaction(c -> {
            int n = 0;
            for (ServerEvent e : events) {
                if (e.kind() != ServerEventKind.OPEN && e.kind() != ServerEventKind.CLICK) continue;
                n += record(c, e);
            }
            if (n > 0) db.markChanged(c, new AppEvent.TrackingChanged());
            return n;
        });
        if (added > 0) db.events().publish(new AppEvent.TrackingChanged());
        return added;
    }

    /** Opens and clicks per recipient (by address key) of a campaign. */
    public Map<String, Counts> perRecipient(String campaignUid) {
        return db.read(c -> {
            Map<String, Counts> out = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT email_key, " + COUNT_OPENS + ", " + COUNT_CLICKS + " FROM tracking_events "
                    + "WHERE campaign_uid = ? GROUP BY email_key")) {
                p.setString(1, campaignUid);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3)));
                }
            }
            return out;
        });
    }

    public Totals totals(String campaignUid) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COUNT_OPENS + ", COUNT(DISTINCT CASE WHEN kind = 'OPEN' THEN email_key END), "
                    + COUNT_CLICKS + ", COUNT(DISTINCT CASE WHEN kind = 'CLICK' THEN email_key END) FROM tracking_events WHERE campaign_uid = ?")) {
                p.setString(1, campaignUid);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
        });
    }

    /** Clicks per link URL, most clicked first. */
    public List<LinkClicks> perLink(String campaignUid) {
        return db.read(c -> {
            List<LinkClicks> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT url, COUNT(*), COUNT(DISTINCT email_key) FROM tracking_events "
                    + "WHERE campaign_uid = ? AND kind = 'CLICK' GROUP BY url ORDER BY COUNT(*) DESC, url")) {
                p.setString(1, campaignUid);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new LinkClicks(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }
}

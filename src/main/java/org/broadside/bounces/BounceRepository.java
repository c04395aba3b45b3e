package org.broadside.bounces;

import org.broadside.events.AppEvent;
import org.broadside.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The recorded bounce events: per-campaign counts, the newest events, and undo. */
public final class BounceRepository {
    private static final String COLUMNS = "id, mailbox, message_date, recorded_at, kind, email, campaign_id, recipient_id, status, reason, action, "
            + "blacklist_entry, contact_flag, undone_at";

    private final Database db;

    public BounceRepository(Database db) {
        this.db = db;
    }

    public BounceCounts countsFor(long campaignId) {
        return db.read(c -> {
            long[] n = new long[BounceKind.values().length];
            try (PreparedStatement p = c.prepareStatement("SELECT kind, COUNT(DISTINCT COALESCE(email_key, message_key)) FROM bounce_events "
                    + "WHERE campaign_id = ? AND undone_at IS NULL GROUP BY kind")) {
                p.setLong(1, campaignId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) n[BounceKind.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2);
                }
            }
            return new BounceCounts(n[BounceKind.HARD_BOUNCE.ordinal()], n[BounceKind.SOFT_BOUNCE.ordinal()],
                    n[BounceKind.COMPLAINT.ordinal()], n[BounceKind.UNSUBSCRIBE.ordinal()]);
        });
    }

    /** The newest events first. */
    public List<BounceEvent> latest(int limit) {
        return db.read(c -> {
            List<BounceEvent> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM bounce_events ORDER BY id DESC LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(event(rs));
                }
            }
            return out;
        });
    }

    public Optional<BounceEvent> find(long id) {
        return db.read(c -> find(c, id));
    }

    /** Removes the blacklist entry and the contact flag the event added (nothing else), and marks it undone. */
    public UndoResult undo(long id) {
        UndoResult result = db.inTransaction(c -> undo(c, id));
        if (result == UndoResult.UNDONE) {
            // The blacklist lost an entry and contacts a flag: audiences count again, and the bounces window shows "undone".
            db.events().publish(new AppEvent.BlacklistChanged());
            db.events().publish(AppEvent.ListsChanged.ANY);
            db.events().publish(new AppEvent.BouncesChanged());
        }
        return result;
    }

    private UndoResult undo(Connection c, long id) throws SQLException {
        UndoResult r = undoIn(c, id);
        if (r == UndoResult.UNDONE) {
            db.markChanged(c, new AppEvent.BlacklistChanged());
            db.markChanged(c, AppEvent.ListsChanged.ANY);
        }
        return r;
    }

    /** The undo itself, on the caller's transaction; the caller marks and announces the change. */
    static UndoResult undoIn(Connection c, long id) throws SQLException {
        Optional<BounceEvent> found = find(c, id);
        if (found.isEmpty()) return UndoResult.NOT_FOUND;
        BounceEvent e = found.get();
        if (e.undone()) return UndoResult.ALREADY_UNDONE;
        if (e.blacklistEntry() != null) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM blacklist WHERE entry = ? AND source = ?")) {
                p.setString(1, e.blacklistEntry());
                p.setString(2, BounceProcessor.BLACKLIST_SOURCE);
                p.executeUpdate();
            }
        }
        if (e.contactFlag() != null && e.email() != null) ContactFlags.remove(c, e.email(), e.contactFlag());
        try (PreparedStatement p = c.prepareStatement("UPDATE bounce_events SET undone_at = ? WHERE id = ?")) {
            p.setLong(1, System.currentTimeMillis());
            p.setLong(2, id);
            p.executeUpdate();
        }
        return UndoResult.UNDONE;
    }

    /**
     * Events for the bounces window, newest first, with their campaign's uid and name.
     *
     * @param campaignUid only this campaign's events, or null for all
     * @param kind        only this kind, or null for all
     * @param search      text in the address, the reason, the status, the mailbox or the campaign's name (any case), or blank
     */
    public List<ListedBounce> find(String campaignUid, BounceKind kind, String search, int limit) {
        String text = search == null || search.isBlank() ? null : "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.read(c -> {
            List<ListedBounce> out = new ArrayList<>();
            // Plain positional parameters, each bound as often as it is used: PostgreSQL's driver has no ?NNN.
            String like = db.dialect().likeIgnoringCase();
            String matches = "e.email " + like + " ? ESCAPE '\\' OR e.reason " + like + " ? ESCAPE '\\' OR e.status " + like
                    + " ? ESCAPE '\\' OR e.mailbox " + like + " ? ESCAPE '\\' OR c.name " + like + " ? ESCAPE '\\'";
            try (PreparedStatement p = c.prepareStatement("SELECT " + prefixed("e.") + ", c.uid, c.name FROM bounce_events e "
                    + "LEFT JOIN campaigns c ON c.id = e.campaign_id WHERE (? IS NULL OR c.uid = ?) AND (? IS NULL OR e.kind = ?) "
                    + "AND (? IS NULL OR " + matches + ") ORDER BY e.id DESC LIMIT ?")) {
                String kindName = kind == null ? null : kind.name();
                int i = 0;
                p.setString(++i, campaignUid);
                p.setString(++i, campaignUid);
                p.setString(++i, kindName);
                p.setString(++i, kindName);
                for (int n = 0; n < 6; n++) p.setString(++i, text);
                p.setInt(++i, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new ListedBounce(event(rs), rs.getString(15), rs.getString(16)));
                }
            }
            return out;
        });
    }

    /** The campaigns that have bounce events, newest first: the choices of the window's campaign filter. */
    public List<ListedBounce.CampaignName> campaignsWithEvents() {
        return db.read(c -> {
            List<ListedBounce.CampaignName> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT uid, name FROM campaigns WHERE id IN (SELECT DISTINCT campaign_id FROM bounce_events) "
                    + "ORDER BY id DESC"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(new ListedBounce.CampaignName(rs.getString(1), rs.getString(2)));
            }
            return out;
        });
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    private static Optional<BounceEvent> find(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM bounce_events WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(event(rs)) : Optional.empty();
            }
        }
    }

    private static BounceEvent event(ResultSet rs) throws SQLException {
        return new BounceEvent(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4)),
                BounceKind.valueOf(rs.getString(5)), rs.getString(6), nullableLong(rs, 7), nullableLong(rs, 8), rs.getString(9),
                rs.getString(10), BounceAction.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13), nullableInstant(rs, 14));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant nullableInstant(ResultSet rs, int column) throws SQLException {
        Long v = nullableLong(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }
}

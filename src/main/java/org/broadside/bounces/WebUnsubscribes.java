package org.broadside.bounces;

import org.broadside.events.AppEvent;
import org.broadside.store.DataAccess;
import org.broadside.store.Database;
import org.broadside.store.StoreException;

import java.sql.Connection;
import org.broadside.store.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Applies unsubscribes from the web by the bounce rules ({@code unsubscribes: blacklist|record}) as bounce events of
 * kind UNSUBSCRIBE, and their undos like {@code bounces undo}. Each event is applied once: its message key
 * ({@link WebUnsubscribe#messageKey}) is unique, so the server's own write and a desktop's pull of the same event
 * never record it twice.
 */
@DataAccess
public final class WebUnsubscribes {
    private static String select(Dialect dialect) {
        return "SELECT r.id, r.campaign_id, c.name, r.email FROM recipients r JOIN campaigns c ON c.id = r.campaign_id "
                + "WHERE c.uid = ? AND " + dialect.equalsIgnoringCase("r.email") + " LIMIT 1";
    }

    private WebUnsubscribes() {}

    /** What one call changed, so the caller can announce it after the commit. */
    public record Applied(int recorded, int undone, boolean changed) {
        public boolean any() { return recorded > 0 || undone > 0; }
    }

    /** Applies the events in one transaction of their own and announces the change. */
    public static Applied apply(Database db, List<WebUnsubscribe> events) {
        Applied a = db.inTransaction(c -> applyIn(db, c, events));
        announce(db, a);
        return a;
    }

    /** Applies the events on the caller's transaction (which commits them); call {@link #announce} after the commit. */
    public static Applied applyIn(Database db, Connection c, List<WebUnsubscribe> events) throws SQLException {
        BounceRules rules = BounceRulesRepository.get(c);
        long now = System.currentTimeMillis();
        int recorded = 0;
        int undone = 0;
        boolean changed = false;
        for (WebUnsubscribe e : events) {
            if (e.undo()) {
                if (undo(c, e.refersTo(), now)) {
                    undone++;
                    changed = true;
                }
                continue;
            }
            String key = WebUnsubscribe.messageKey(e.eventUid());
            if (recordedAlready(c, key)) continue;
            MatchedRecipient r = recipient(c, e).orElse(null);
            Classification m = new Classification(BounceKind.UNSUBSCRIBE, e.email(), null, "unsubscribed through the Broadside server (" + e.source() + ")",
                    List.of(), List.of(), key, e.at(), null);
            ScanLine line = BounceProcessor.applyResolved(c, rules, e.source(), m, r, now, false);
            recorded++;
            changed |= line.action() == BounceAction.BLACKLISTED || line.action() == BounceAction.ALREADY_BLACKLISTED
                    || line.action() == BounceAction.RECORDED;
        }
        Applied a = new Applied(recorded, undone, changed);
        if (a.changed()) {
            db.markChanged(c, new AppEvent.BlacklistChanged());
            db.markChanged(c, AppEvent.ListsChanged.ANY);
        }
        if (a.any()) db.markChanged(c, new AppEvent.BouncesChanged());
        return a;
    }

    /** Publishes what {@link #applyIn} changed, once its transaction committed. */
    public static void announce(Database db, Applied a) {
        if (a.changed()) {
            db.events().publish(new AppEvent.BlacklistChanged());
            db.events().publish(AppEvent.ListsChanged.ANY);
        }
        if (a.any()) db.events().publish(new AppEvent.BouncesChanged());
    }

    /** True when the store knows this campaign (a shared store): the server then applies events itself. */
    public static boolean knowsCampaign(Connection c, String campaignUid) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM campaigns WHERE uid = ?")) {
            p.setString(1, campaignUid);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<MatchedRecipient> recipient(Connection c, WebUnsubscribe e) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(select(Dialect.of(c)))) {
            p.setString(1, e.campaignUid());
            p.setString(2, e.email());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new MatchedRecipient(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), MatchedRecipient.MatchedBy.ADDRESS));
            }
        }
    }

    private static boolean recordedAlready(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM bounce_events WHERE message_key = ?")) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean undo(Connection c, String refersTo, long now) throws SQLException {
        if (refersTo == null) return false;
        Long id = null;
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM bounce_events WHERE message_key = ? AND undone_at IS NULL")) {
            p.setString(1, WebUnsubscribe.messageKey(refersTo));
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) id = rs.getLong(1);
            }
        }
        return id != null && BounceRepository.undoIn(c, id) == UndoResult.UNDONE;
    }
}

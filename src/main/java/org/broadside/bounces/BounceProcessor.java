package org.broadside.bounces;

import org.broadside.store.DataAccess;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.EmailKeys;
import org.broadside.events.AppEvent;
import org.broadside.store.Database;
import org.broadside.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the rules to classified messages and records each as a bounce event, all in one short transaction:
 * the blacklist entry, the contact flag and the event commit together or not at all. A dry run does exactly the
 * same work and rolls it back, so what it shows is what a real run would do.
 */
@DataAccess
public final class BounceProcessor {
    /** The blacklist's source column for entries added here; undo removes only entries with this source. */
    public static final String BLACKLIST_SOURCE = "bounces";

    private final Database db;

    public BounceProcessor(Database db) {
        this.db = db;
    }

    public List<ScanLine> apply(String mailbox, List<Classification> messages, boolean dryRun) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                BounceRules rules = BounceRulesRepository.get(c);
                long now = System.currentTimeMillis();
                List<ScanLine> lines = new ArrayList<>();
                for (Classification m : messages) lines.add(apply(c, rules, mailbox, m, now, dryRun));
                // A recorded bounce may add to the blacklist and flag a contact: open views count audiences again.
                boolean changed = !dryRun && lines.stream().anyMatch(l -> l.action() == BounceAction.BLACKLISTED
                        || l.action() == BounceAction.ALREADY_BLACKLISTED || l.action() == BounceAction.RECORDED);
                // Any recorded event (an auto-reply too) is a new row in the bounces window.
                boolean recorded = !dryRun && lines.stream().anyMatch(l -> l.eventId() != null);
                if (changed) {
                    db.markChanged(c, new AppEvent.BlacklistChanged());
                    db.markChanged(c, AppEvent.ListsChanged.ANY);
                }
                if (recorded) db.markChanged(c, new AppEvent.BouncesChanged());
                if (dryRun) c.rollback();
                else c.commit();
                if (changed) {
                    db.events().publish(new AppEvent.BlacklistChanged());
                    db.events().publish(AppEvent.ListsChanged.ANY);
                }
                if (recorded) db.events().publish(new AppEvent.BouncesChanged());
                return lines;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Recording bounces failed: " + e.getMessage(), e);
        }
    }

    private ScanLine apply(Connection c, BounceRules rules, String mailbox, Classification m, long now, boolean dryRun) throws SQLException {
        if (!m.kind().recognised()) return line(m, null, m.address(), BounceAction.LEFT_ALONE, null, null);
        Optional<MatchedRecipient> recipient = RecipientResolver.resolve(c, m, now);
        return applyResolved(c, rules, mailbox, m, recipient.orElse(null), now, dryRun);
    }

    /** Records a recognised message whose recipient is already known (or null: none), by the rules, on this transaction. */
    static ScanLine applyResolved(Connection c, BounceRules rules, String mailbox, Classification m, MatchedRecipient r, long now,
                                  boolean dryRun) throws SQLException {
        String address = r != null ? r.email() : m.address();
        if (alreadyRecorded(c, m.messageKey())) return line(m, r, address, BounceAction.ALREADY_PROCESSED, null, null);

        BounceAction action;
        String detail = null;
        String flag = null;
        if (m.kind() == BounceKind.AUTO_REPLY) action = BounceAction.IGNORED;
        else if (address == null) action = BounceAction.NO_ADDRESS;
        else action = BounceAction.RECORDED;
        long eventId = insertEvent(c, mailbox, m, r, address, action, now);

        if (action == BounceAction.RECORDED) {
            boolean blacklist = switch (m.kind()) {
                case HARD_BOUNCE -> rules.blacklistHardBounces();
                case COMPLAINT -> rules.blacklistComplaints();
                case UNSUBSCRIBE -> rules.blacklistUnsubscribes();
                case SOFT_BOUNCE -> {
                    int streak = SoftBounceStreak.count(c, address, r == null ? null : r.campaignId());
                    detail = "soft bounce " + streak + (rules.softBounceLimit() > 0 ? " of " + rules.softBounceLimit() : "") + " in a row";
                    yield rules.softBounceLimit() > 0 && streak >= rules.softBounceLimit();
                }
                default -> false;
            };
            if (blacklist) {
                flag = flagFor(m.kind());
                boolean added = addToBlacklist(c, address, blacklistReason(m, r));
                boolean flagged = ContactFlags.add(c, address, flag);
                action = added ? BounceAction.BLACKLISTED : BounceAction.ALREADY_BLACKLISTED;
                updateEvent(c, eventId, action, added ? BlacklistRepository.normalize(address) : null, flagged ? flag : null);
            }
        }
        return line(m, r, address, action, detail, dryRun ? null : eventId);
    }

    private static ScanLine line(Classification m, MatchedRecipient r, String address, BounceAction action, String detail, Long eventId) {
        return new ScanLine(m.kind(), r, address, action, detail, eventId, m.subject());
    }

    private static String flagFor(BounceKind kind) {
        return switch (kind) {
            case COMPLAINT -> "complained";
            case UNSUBSCRIBE -> "unsubscribed";
            default -> "bounced";
        };
    }

    private static String blacklistReason(Classification m, MatchedRecipient r) {
        String what = m.kind().label().replace('-', ' ') + (m.status() != null ? " " + m.status() : "");
        String date = m.messageDate().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String campaign = r == null ? "" : " (campaign " + r.campaignName() + ")";
        return Finding.shorten(what + " on " + date + campaign + (m.reason() != null ? ": " + m.reason() : ""));
    }

    private static boolean alreadyRecorded(Connection c, String messageKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM bounce_events WHERE message_key = ?")) {
            p.setString(1, messageKey);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long insertEvent(Connection c, String mailbox, Classification m, MatchedRecipient r, String address,
                                    BounceAction action, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bounce_events(mailbox, message_key, message_date, recorded_at, kind, email, "
                + "email_key, campaign_id, recipient_id, status, reason, action) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            p.setString(1, mailbox);
            p.setString(2, m.messageKey());
            p.setLong(3, m.messageDate().toEpochMilli());
            p.setLong(4, now);
            p.setString(5, m.kind().name());
            p.setString(6, address);
            p.setString(7, address == null ? null : EmailKeys.key(address));
            p.setObject(8, r == null ? null : r.campaignId());
            p.setObject(9, r == null ? null : r.recipientId());
            p.setString(10, m.status());
            p.setString(11, m.reason());
            p.setString(12, action.name());
            p.executeUpdate();
            try (ResultSet rs = p.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void updateEvent(Connection c, long id, BounceAction action, String blacklistEntry, String flag) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE bounce_events SET action = ?, blacklist_entry = ?, contact_flag = ? WHERE id = ?")) {
            p.setString(1, action.name());
            p.setString(2, blacklistEntry);
            p.setString(3, flag);
            p.setLong(4, id);
            p.executeUpdate();
        }
    }

    /** The same statement as {@link BlacklistRepository#add}, on this transaction's connection so it commits with the event. */
    private static boolean addToBlacklist(Connection c, String address, String reason) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO blacklist(entry, reason, source, added_at) VALUES (?,?,?,?) ON CONFLICT DO NOTHING")) {
            p.setString(1, BlacklistRepository.normalize(address));
            p.setString(2, reason);
            p.setString(3, BLACKLIST_SOURCE);
            p.setLong(4, System.currentTimeMillis());
            return p.executeUpdate() == 1;
        }
    }
}

package org.broadside.bounces;

import org.broadside.store.DataAccess;
import org.broadside.contacts.EmailKeys;

import java.sql.Connection;
import org.broadside.store.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How many campaigns in a row soft-bounced for an address, counting back from this bounce's campaign. A campaign
 * that reached the address without a soft bounce ends the streak; campaigns that never included it are skipped.
 * Bounces without a campaign count one per message, back to the last time the address was blacklisted.
 */
@DataAccess
final class SoftBounceStreak {
    private static final int LOOK_BACK = 50;

    private SoftBounceStreak() {}

    static int count(Connection c, String address, Long campaignId) throws SQLException {
        return campaignId == null ? withoutCampaign(c, EmailKeys.key(address)) : acrossCampaigns(c, address, campaignId);
    }

    private static int acrossCampaigns(Connection c, String address, long campaignId) throws SQLException {
        int streak = 0;
        try (PreparedStatement campaigns = c.prepareStatement("SELECT id FROM campaigns WHERE id <= ? ORDER BY id DESC LIMIT ?");
             PreparedStatement sent = c.prepareStatement("SELECT 1 FROM recipients WHERE campaign_id = ? AND " + Dialect.of(c).equalsIgnoringCase("email") + " "
                     + "AND state NOT IN ('PENDING', 'SKIPPED')");
             PreparedStatement bounced = c.prepareStatement("SELECT 1 FROM bounce_events WHERE email_key = ? AND campaign_id = ? "
                     + "AND kind = 'SOFT_BOUNCE' AND undone_at IS NULL")) {
            campaigns.setLong(1, campaignId);
            campaigns.setInt(2, LOOK_BACK);
            try (ResultSet rs = campaigns.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (exists(bounced, EmailKeys.key(address), id)) streak++;
                    else if (exists(sent, id, address)) break;
                }
            }
        }
        return streak;
    }

    private static int withoutCampaign(Connection c, String emailKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM bounce_events WHERE email_key = ? AND kind = 'SOFT_BOUNCE' "
                + "AND campaign_id IS NULL AND undone_at IS NULL AND id > COALESCE((SELECT MAX(id) FROM bounce_events WHERE email_key = ? "
                + "AND blacklist_entry IS NOT NULL AND undone_at IS NULL), 0)")) {
            p.setString(1, emailKey);
            p.setString(2, emailKey);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static boolean exists(PreparedStatement p, Object first, Object second) throws SQLException {
        p.setObject(1, first);
        p.setObject(2, second);
        try (ResultSet rs = p.executeQuery()) {
            return rs.next();
        }
    }
}

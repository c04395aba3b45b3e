package org.broadside.bounces;

import org.broadside.store.DataAccess;

import java.sql.Connection;
import org.broadside.store.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the recipient a message answers: by VERP token, then by the original Message-ID, then by the stated
 * address among the recipients of recent campaigns (newest first). Every lookup uses an index.
 */
@DataAccess
final class RecipientResolver {
    static final Duration RECENT = Duration.ofDays(90);
    static final int RECENT_CAMPAIGNS = 20;
    private static final String SELECT = "SELECT r.id, r.campaign_id, c.name, r.email FROM recipients r JOIN campaigns c ON c.id = r.campaign_id WHERE ";

    private RecipientResolver() {}

    static Optional<MatchedRecipient> resolve(Connection c, Classification m, long now) throws SQLException {
        for (String candidate : m.verpCandidates()) {
            Optional<VerpAddresses.Token> token = VerpAddresses.decode(candidate);
            if (token.isEmpty()) continue;
            Optional<MatchedRecipient> r = one(c, SELECT + "r.campaign_id = ? AND r.seq = ?", MatchedRecipient.MatchedBy.VERP,
                    token.get().campaignId(), token.get().recipientSeq());
            if (r.isPresent()) return r;
        }
        for (String id : m.originalMessageIds()) {
            Optional<MatchedRecipient> r = one(c, SELECT + "r.message_id = ?", MatchedRecipient.MatchedBy.MESSAGE_ID, id);
            if (r.isPresent()) return r;
        }
        if (m.address() == null) return Optional.empty();
        for (long campaignId : recentCampaigns(c, now)) {
            Optional<MatchedRecipient> r = one(c, SELECT + "r.campaign_id = ? AND " + Dialect.of(c).equalsIgnoringCase("r.email"),
                    MatchedRecipient.MatchedBy.ADDRESS, campaignId, m.address().strip());
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    static List<Long> recentCampaigns(Connection c, long now) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM campaigns WHERE created_at >= ? ORDER BY id DESC LIMIT ?")) {
            p.setLong(1, now - RECENT.toMillis());
            p.setInt(2, RECENT_CAMPAIGNS);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static Optional<MatchedRecipient> one(Connection c, String sql, MatchedRecipient.MatchedBy by, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql + " LIMIT 1")) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new MatchedRecipient(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), by));
            }
        }
    }
}

package org.broadside.ui.delivery;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.FrozenRecipient;
import org.broadside.delivery.RecipientState;
import org.broadside.store.Database;

import java.nio.file.Path;
import java.sql.PreparedStatement;

/** A campaign frozen in a real SQLite store, as the first Send leaves it, for the Delivery panel's tests. */
final class StoredCampaign {
    final Database db;
    final CampaignRepository campaigns;
    final CampaignDocument doc;

    StoredCampaign(Path dir, String uid) {
        this(Database.open(dir), dir, uid);
    }

    /** On a given store (a team store, say). */
    StoredCampaign(Database db, Path dir, String uid) {
        this.db = db;
        this.campaigns = new CampaignRepository(db);
        this.doc = new CampaignDocument(Campaign.blank(uid, "Test").withRecipients(java.util.List.of("Work"), "Members", null),
                dir.resolve(uid + ".json"));
    }

    /** Freezes n recipients r1@example.com … rn@example.com, all PENDING; answers the record. */
    CampaignRecord freeze(int n) {
        CampaignRecord r = campaigns.findOrCreate(doc.uid(), "Test", null);
        campaigns.freeze(r.id(), sink -> {
            for (int i = 1; i <= n; i++) sink.accept(new FrozenRecipient("r" + i + "@example.com", "{}", null));
        });
        return campaigns.find(doc.uid()).orElseThrow();
    }

    long firstId() {
        return campaigns.firstRecipientId(campaigns.find(doc.uid()).orElseThrow().id());
    }

    /** Sets the state (and retry time, for DEFERRED) of the i-th recipient (1-based) as the engine would record it. */
    void set(int i, RecipientState state, Long nextAttemptAt) {
        long id = firstId() + i - 1;
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE recipients SET state = ?, next_attempt_at = ?, attempts = attempts + 1 WHERE id = ?")) {
                p.setString(1, state.name());
                if (nextAttemptAt == null) p.setNull(2, java.sql.Types.INTEGER);
                else p.setLong(2, nextAttemptAt);
                p.setLong(3, id);
                p.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records the i-th recipient's state (1-based) by a run of the process {@code pid} on {@code host}, as a process
     * sending the campaign would: its own runs row, and the recipient's run_id pointing at it.
     */
    void sentBy(int i, RecipientState state, String host, long pid) {
        long campaignId = campaigns.find(doc.uid()).orElseThrow().id();
        long id = firstId() + i - 1;
        db.inTransaction(c -> {
            long run;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO runs(campaign_id, started_at, host, pid) VALUES (?,?,?,?)",
                    new String[] {"id"})) {
                p.setLong(1, campaignId);
                p.setLong(2, System.currentTimeMillis());
                p.setString(3, host);
                p.setLong(4, pid);
                p.executeUpdate();
                try (java.sql.ResultSet rs = p.getGeneratedKeys()) {
                    rs.next();
                    run = rs.getLong(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE recipients SET state = ?, attempts = 1, run_id = ?, connection_no = 1, "
                    + "updated_at = ? WHERE id = ?")) {
                p.setString(1, state.name());
                p.setLong(2, run);
                p.setLong(3, System.currentTimeMillis());
                p.setLong(4, id);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Every recipient in one state. */
    void setAll(RecipientState state) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE recipients SET state = ?")) {
                p.setString(1, state.name());
                p.executeUpdate();
            }
            return null;
        });
    }
}

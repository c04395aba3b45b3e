package org.broadside.delivery;

import org.broadside.store.DataAccess;
import org.broadside.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How several processes send one campaign of a team store together: each run takes the next due recipients for
 * itself ({@code recipients.claimed_by}) with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so two runs claiming at the
 * same moment take different rows without waiting for each other, and no row is taken twice. A claim holds while its
 * run is live (its lease in {@code runs} holds and it has not ended); the rows a dead run claimed but never started
 * are due again for the others. The rows it had started are not: the engine records a recipient UNKNOWN in the store
 * before its message's final "." (the store, not only this machine's journal, because another machine takes over),
 * and UNKNOWN is not due.
 *
 * <p>Only the team store shares campaigns; on SQLite one process sends a campaign at a time ({@link SendingRuns}).
 */
@DataAccess
final class RecipientClaims {
    private static final String DUE = "(state = 'PENDING' OR (state = 'DEFERRED' AND COALESCE(next_attempt_at, 0) <= ?)%s)";
    /** A claim that no longer holds: nobody claimed the row, or its run ended or let its lease run out. */
    private static final String FREE = "(claimed_by IS NULL OR NOT EXISTS (SELECT 1 FROM runs WHERE runs.id = recipients.claimed_by"
            + " AND runs.ended_at IS NULL AND runs.alive_until > ?))";

    private final Database db;
    private final Clock clock;

    RecipientClaims(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Claims for run {@code runId} up to {@code limit} due recipients of the campaign with ids in ({@code afterId},
     * {@code lastId}] that no live run holds, in id order. Rows other runs are claiming right now are skipped, not
     * waited for.
     */
    List<RecipientRow> claim(long runId, long campaignId, long afterId, long lastId, boolean includeUnknown, int limit) {
        long now = clock.millis();
        String sql = claimSql(includeUnknown);
        return db.inTransaction(c -> {
            // A claim need not wait for the server's disk: what keeps a recipient from being sent twice is its UNKNOWN
            // mark, committed before its "."; a claim lost with a crashed server only lets others take unstarted rows.
            try (PreparedStatement async = c.prepareStatement("SELECT set_config('synchronous_commit', 'off', true)")) {
                async.execute();
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, runId);
                p.setLong(2, afterId);
                p.setLong(3, lastId);
                p.setLong(4, campaignId);
                p.setLong(5, now);
                p.setLong(6, now);
                p.setInt(7, limit);
                List<RecipientRow> out = new ArrayList<>(limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(CampaignRepository.row(rs));
                }
                // RETURNING keeps no order; the queue sends in list order.
                out.sort(Comparator.comparingLong(RecipientRow::id));
                return out;
            }
        });
    }

    /** The claim's statement; its parameters: run, after id, last id, campaign, now (due), now (lease), limit. */
    static String claimSql(boolean includeUnknown) {
        return "UPDATE recipients SET claimed_by = ? WHERE id IN (SELECT id FROM recipients WHERE id > ? AND id <= ?"
                + " AND campaign_id = ? AND " + due(includeUnknown) + " AND " + FREE
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + CampaignRepository.RECIPIENT_COLUMNS;
    }

    /**
     * Whether other live runs hold due recipients of the campaign: while they do, a run that found nothing to claim
     * waits for them rather than ends, because if one of them dies its unstarted rows come back.
     */
    boolean othersHoldDue(long runId, long campaignId) {
        long now = clock.millis();
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM recipients WHERE campaign_id = ? AND "
                    + "(state = 'PENDING' OR state = 'DEFERRED') AND claimed_by IS NOT NULL AND claimed_by <> ? AND NOT " + FREE
                    + " LIMIT 1")) {
                p.setLong(1, campaignId);
                p.setLong(2, runId);
                p.setLong(3, now);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Lets go of the run's claimed rows that are still due or waiting (handed back unsent, deferred): at the end of a
     * pass, so that its next pass and the other runs can take them.
     */
    int release(long runId, long campaignId) {
        return db.inTransaction(c -> {
            // Found through the campaign's states: claimed_by has no index, so that claims are updates in place.
            try (PreparedStatement p = c.prepareStatement("UPDATE recipients SET claimed_by = NULL WHERE campaign_id = ?"
                    + " AND state IN ('PENDING', 'DEFERRED') AND claimed_by = ?")) {
                p.setLong(1, campaignId);
                p.setLong(2, runId);
                return p.executeUpdate();
            }
        });
    }

    private static String due(boolean includeUnknown) {
        // The UNKNOWN rows a resend takes are never another live run's in-flight ones: those are claimed by it.
        return String.format(DUE, includeUnknown ? " OR state = 'UNKNOWN'" : "");
    }
}

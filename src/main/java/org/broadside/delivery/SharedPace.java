package org.broadside.delivery;

import org.broadside.store.DataAccess;
import org.broadside.store.Database;
import org.broadside.store.Dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * An account's group pacing ("N messages, then a pause of T") held for every process that sends with it on a team
 * store: time is cut into slots of T, and all processes together start at most N messages per slot. One process
 * alone sends its group and pauses, as before; three processes share each group instead of sending three.
 *
 * <p>The slots are counted in {@code quota_grants} under the key {@code pace/ACCOUNT} (an account name cannot hold a
 * "/"), one row per slot, under the same per-account lock as the hourly and daily permits. One store round trip per
 * message: an account paced in groups sends slowly by design.
 */
@DataAccess
final class SharedPace {
    private static final String KEY = "pace/";
    private final Database db;
    private final String account;
    private final int groupSize;
    private final long intervalMillis;

    private SharedPace(Database db, AccountLane lane) {
        this.db = db;
        this.account = lane.name();
        this.groupSize = lane.groupSize();
        this.intervalMillis = lane.groupIntervalMillis();
    }

    /** The shared pacing of an account with groups on a team store; null where the throttle's own pause is the truth. */
    static SharedPace of(Database db, AccountLane lane) {
        if (db.dialect() != Dialect.POSTGRES || lane.groupSize() <= 0 || lane.groupIntervalMillis() <= 0) return null;
        return new SharedPace(db, lane);
    }

    int groupSize() { return groupSize; }

    /** Takes a place in the current slot: 0 when taken, else the time the next slot starts. */
    long take(long now) {
        long slot = now / intervalMillis;
        String key = KEY + account;
        return db.inTransaction(c -> {
            SharedQuota.lockAccount(db, c, account);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM quota_grants WHERE account = ? AND minute < ?")) {
                p.setString(1, key);
                p.setLong(2, slot - 1);
                p.executeUpdate();
            }
            int used = 0;
            try (PreparedStatement p = c.prepareStatement("SELECT granted FROM quota_grants WHERE account = ? AND minute = ?")) {
                p.setString(1, key);
                p.setLong(2, slot);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) used = rs.getInt(1);
                }
            }
            if (used >= groupSize) return (slot + 1) * intervalMillis;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO quota_grants(account, minute, granted) VALUES (?,?,1)"
                    + " ON CONFLICT(account, minute) DO UPDATE SET granted = quota_grants.granted + 1")) {
                p.setString(1, key);
                p.setLong(2, slot);
                p.executeUpdate();
            }
            return 0L;
        });
    }
}

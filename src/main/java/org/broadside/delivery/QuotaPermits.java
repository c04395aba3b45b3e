package org.broadside.delivery;

import org.broadside.store.Database;
import org.broadside.store.Dialect;

/**
 * Where an account's messages get their permits under its hourly and daily limits when other processes may send with
 * the same account: on a team store every process sending with it asks the store ({@link SharedPermits}); on this
 * machine's SQLite store one process sends at a time, and the throttle's own count is the whole truth ({@link #LOCAL}).
 */
interface QuotaPermits {
    /** Why no permit now: when one frees, and which limit holds it back. */
    record Refusal(long freeAt, boolean daily, int limit) {}

    /** Takes a permit for a message that starts now: null when taken, else why not and until when. */
    Refusal take(long now);

    /** A permit taken but not used (the recipient was skipped, the connection failed): this process may use it again. */
    void putBack();

    /** The run ends: permits still held go back to the other senders. Never throws. */
    void giveBackUnused();

    /** Always yes, without a store round trip: the SQLite path, and accounts without limits. */
    QuotaPermits LOCAL = new QuotaPermits() {
        @Override public Refusal take(long now) { return null; }
        @Override public void putBack() { }
        @Override public void giveBackUnused() { }
    };

    /**
     * The one place that decides whether an account's limits are shared: on a team store (several processes, several
     * machines), for an account with a limit. Everything else stays local and costs nothing.
     */
    static QuotaPermits of(Database db, AccountLane lane) {
        if (db.dialect() != Dialect.POSTGRES || (lane.maxPerHour() <= 0 && lane.maxPerDay() <= 0)) return LOCAL;
        return new SharedPermits(new SharedQuota(db), lane);
    }
}

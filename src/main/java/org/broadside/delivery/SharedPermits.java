package org.broadside.delivery;

import org.broadside.diagnostics.FailureText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's permits in this process when every process sending with the account shares its limits
 * ({@link SharedQuota}): takes them from the store in blocks, so a fast send makes one store round trip per block
 * rather than per message, and hands them out one per message.
 *
 * <p>A block is small enough that several processes share the last permits of an hour fairly and that few are held
 * unused, large enough to keep the store out of the way: a twentieth of the limit, at most 50. A block's permits expire
 * {@link SharedQuota#PERMIT_LIFE_MILLIS} after its grant (what that guarantees is said there); the unused ones go back
 * to the store then and at the end of the run.
 */
final class SharedPermits implements QuotaPermits {
    private static final Logger LOG = LoggerFactory.getLogger(SharedPermits.class);
    static final int MAX_BLOCK = 50;
    /**
     * While refused, the store is asked again at the latest after this long even if the answer named a later time:
     * another process may give permits back when its run ends.
     */
    static final long RECHECK_MILLIS = 15_000;

    private final SharedQuota store;
    private final AccountLane lane;
    private final int block;
    private int left;
    /** Permits of the current block taken and neither used up nor put back: only these may come back into it. */
    private int taken;
    private long minute;
    private long grantedAt;
    private Refusal refusal;
    private long askAgainAt;

    SharedPermits(SharedQuota store, AccountLane lane) {
        this.store = store;
        this.lane = lane;
        this.block = blockSize(lane.maxPerHour(), lane.maxPerDay());
    }

    /** A twentieth of the tighter limit, at least 1 and at most {@value #MAX_BLOCK}. */
    static int blockSize(int maxPerHour, int maxPerDay) {
        int limit = maxPerHour > 0 && maxPerDay > 0 ? Math.min(maxPerHour, maxPerDay) : Math.max(maxPerHour, maxPerDay);
        return Math.min(MAX_BLOCK, Math.max(1, limit / 20));
    }

    @Override
    public synchronized Refusal take(long now) {
        if (left > 0 && now >= grantedAt + SharedQuota.PERMIT_LIFE_MILLIS) expire();
        if (left > 0) {
            left--;
            taken++;
            return null;
        }
        if (refusal != null && now < askAgainAt) return refusal;
        SharedQuota.Grant g = store.grant(lane.name(), lane.maxPerHour(), lane.maxPerDay(), block, now);
        if (g.granted() == 0) {
            refusal = new Refusal(g.freeAt(), g.daily(), g.daily() ? lane.maxPerDay() : lane.maxPerHour());
            askAgainAt = Math.min(g.freeAt(), now + RECHECK_MILLIS);
            return refusal;
        }
        refusal = null;
        minute = g.minute();
        grantedAt = now;
        left = g.granted() - 1;
        taken = 1;
        return null;
    }

    @Override
    public synchronized void putBack() {
        // A permit of an expired block stays counted as used: harmless (it only makes the limit stricter), and putting
        // it into the current block would let it live longer than a permit may.
        if (taken == 0) return;
        taken--;
        left++;
    }

    @Override
    public synchronized void giveBackUnused() {
        if (left == 0) return;
        try {
            store.giveBack(lane.name(), minute, left);
        } catch (RuntimeException e) {
            // The run is over either way; the permits are merely held until their minute leaves the window.
            LOG.warn("Could not give back {} unused sending permits of account {}: {}", left, lane.name(), FailureText.of(e));
        }
        left = 0;
        taken = 0;
    }

    /** The block's time is up: what is left goes back to the store, and what is out is counted as used. */
    private void expire() {
        store.giveBack(lane.name(), minute, left);
        left = 0;
        taken = 0;
    }

    /** Permits held now and not taken (for tests). */
    synchronized int held() { return left; }
}

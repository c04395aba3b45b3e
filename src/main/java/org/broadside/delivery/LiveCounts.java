package org.broadside.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Per-state counts of a running campaign, seeded from the store and moved with each transition. */
final class LiveCounts {
    private final AtomicLongArray counts = new AtomicLongArray(RecipientState.values().length);
    private final long[] recentTimes = new long[64];
    private final long[] recentDone = new long[64];
    private int recentIndex;
    private long done;

    LiveCounts(Map<RecipientState, Long> seed) {
        seed.forEach((s, n) -> counts.set(s.ordinal(), n));
    }

    void move(RecipientState from, RecipientState to) {
        if (from != null) counts.decrementAndGet(from.ordinal());
        counts.incrementAndGet(to.ordinal());
    }

    synchronized void transactionDone() { done++; }

    /**
     * Takes the store's counts (a team campaign sent by several processes): the transitions of this process not yet
     * committed are off by a moment, and the next recount catches them up.
     */
    void rebase(Map<RecipientState, Long> store) {
        for (RecipientState s : RecipientState.values()) counts.set(s.ordinal(), store.getOrDefault(s, 0L));
    }

    /** A snapshot with the rate over the last ~5 seconds of samples. */
    synchronized Progress snapshot(long now) {
        recentTimes[recentIndex % 64] = now;
        recentDone[recentIndex % 64] = done;
        int oldest = recentIndex;
        for (int i = 1; i < 64 && recentIndex - i >= 0; i++) {
            int idx = (recentIndex - i) % 64;
            if (now - recentTimes[idx] > 5000) break;
            oldest = recentIndex - i;
        }
        int o = oldest % 64;
        double seconds = (now - recentTimes[o]) / 1000.0;
        double rate = seconds > 0 ? (done - recentDone[o]) / seconds : 0;
        recentIndex++;
        Map<RecipientState, Long> m = new EnumMap<>(RecipientState.class);
        long total = 0;
        for (RecipientState s : RecipientState.values()) {
            long n = counts.get(s.ordinal());
            m.put(s, n);
            total += n;
        }
        return new Progress(m, rate, total);
    }
}

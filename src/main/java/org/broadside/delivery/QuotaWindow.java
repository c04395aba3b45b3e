package org.broadside.delivery;

/**
 * Messages sent per minute over the last 24 hours, for an account's hourly and daily limits. Per-minute
 * buckets keep memory constant however many messages an account sends.
 */
final class QuotaWindow {
    private static final int MINUTES = 24 * 60;
    private final int[] perMinute = new int[MINUTES];
    private long newestMinute = -1;

    synchronized void add(long atMillis, int n) {
        long minute = atMillis / 60_000;
        advance(minute);
        if (minute <= newestMinute - MINUTES) return;
        perMinute[(int) (minute % MINUTES)] += n;
    }

    synchronized int lastHour(long now) { return sum(now, 60); }

    synchronized int lastDay(long now) { return sum(now, MINUTES); }

    /** When the count over the last {@code minutes} drops below limit, in millis; now if it already is. */
    synchronized long freeAt(long now, int minutes, int limit) {
        advance(now / 60_000);
        int total = sum(now, minutes);
        long minute = now / 60_000;
        for (int back = minutes - 1; back >= 0 && total >= limit; back--) {
            total -= perMinute[(int) ((minute - back) % MINUTES)];
            if (total < limit) return (minute - back + minutes) * 60_000;
        }
        return now;
    }

    private int sum(long now, int minutes) {
        advance(now / 60_000);
        long minute = now / 60_000;
        int total = 0;
        for (int i = 0; i < minutes; i++) total += perMinute[(int) ((minute - i) % MINUTES)];
        return total;
    }

    private void advance(long minute) {
        if (newestMinute < 0) {
            newestMinute = minute;
            return;
        }
        if (minute <= newestMinute) return;
        long gap = Math.min(MINUTES, minute - newestMinute);
        for (long m = 1; m <= gap; m++) perMinute[(int) ((newestMinute + m) % MINUTES)] = 0;
        newestMinute = minute;
    }
}

package org.broadside.delivery;

/**
 * The pace of one account in a run: group/interval pauses, hourly and daily quotas, adaptive slowing on 4xx,
 * back-off after 421 or failed connections, and "down" after a permanent failure.
 */
final class AccountThrottle {
    private static final long MAX_BACKOFF_MILLIS = 10 * 60_000L;
    private static final long MAX_ADAPTIVE_DELAY_MILLIS = 30_000L;

    private final AccountLane lane;
    private final QuotaWindow quota = new QuotaWindow();
    private long groupCount;
    private long pauseUntil;
    private long backoffUntil;
    private int backoffStep;
    private long adaptiveDelay;
    private long lastStart;
    private String downReason;
    private String waitReason = "";

    AccountThrottle(AccountLane lane) {
        this.lane = lane;
    }

    AccountLane lane() { return lane; }

    /** Seeds the quota with what this account already sent (other runs and campaigns). */
    synchronized void seed(long atMillis, int sent) {
        quota.add(atMillis, sent);
    }

    synchronized boolean down() { return downReason != null; }

    synchronized String downReason() { return downReason; }

    synchronized void markDown(String reason) { downReason = reason; }

    /** False while the account is down or backing off: rotation then gives its share to the others. */
    synchronized boolean available(long now) { return downReason == null && backoffUntil <= now; }

    synchronized String waitReason() { return waitReason; }

    /**
     * Milliseconds until this account may start its next message; 0 means now, and reserves the slot
     * (so parallel connections never overshoot a quota).
     */
    synchronized long reserve(long now) {
        long until = Math.max(pauseUntil, backoffUntil);
        if (until > now) {
            waitReason = backoffUntil > pauseUntil ? "backing off" : "pausing between groups";
        }
        if (lane.maxPerHour() > 0 && quota.lastHour(now) >= lane.maxPerHour()) {
            long free = quota.freeAt(now, 60, lane.maxPerHour());
            if (free > until) {
                until = free;
                waitReason = "hourly limit of " + lane.maxPerHour() + " reached";
            }
        }
        if (lane.maxPerDay() > 0 && quota.lastDay(now) >= lane.maxPerDay()) {
            long free = quota.freeAt(now, 24 * 60, lane.maxPerDay());
            if (free > until) {
                until = free;
                waitReason = "daily limit of " + lane.maxPerDay() + " reached";
            }
        }
        if (adaptiveDelay > 0 && lastStart + adaptiveDelay > until) {
            until = lastStart + adaptiveDelay;
            if (until > now) waitReason = "slowed down after temporary refusals";
        }
        if (until > now) return until - now;
        quota.add(now, 1);
        lastStart = now;
        if (lane.groupSize() > 0 && lane.groupIntervalMillis() > 0 && ++groupCount % lane.groupSize() == 0) {
            pauseUntil = now + lane.groupIntervalMillis();
        }
        return 0;
    }

    /** Gives back a reserved slot that was not used (the recipient was skipped or the connection failed). */
    synchronized void release(long now) {
        quota.add(now, -1);
    }

    /** A 4xx reply: slow this account down, doubling the delay each time. */
    synchronized void temporaryRefusal() {
        adaptiveDelay = Math.min(MAX_ADAPTIVE_DELAY_MILLIS, Math.max(200, adaptiveDelay * 2));
    }

    /** A success: recover speed gradually. */
    synchronized void success() {
        backoffStep = 0;
        adaptiveDelay = adaptiveDelay < 20 ? 0 : adaptiveDelay / 2;
    }

    /** 421 or a failed connection: wait before using this account again, longer each time. */
    synchronized void backOff(long now, String why) {
        long delay = Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(backoffStep, 20));
        backoffStep++;
        backoffUntil = Math.max(backoffUntil, now + delay);
        waitReason = "backing off: " + why;
    }
}

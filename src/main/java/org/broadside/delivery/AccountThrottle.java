package org.broadside.delivery;

import java.util.function.Consumer;

/**
 * The pace of one account in a run: group/interval pauses, hourly and daily quotas, adaptive slowing on 4xx,
 * back-off after 421 or failed connections, and "down" after a permanent failure or too many failed connections
 * in a row. Says each problem, pause and recovery once, when it starts, as an {@link AccountNotice}.
 */
final class AccountThrottle {
    private static final long MAX_BACKOFF_MILLIS = 10 * 60_000L;
    private static final long MAX_ADAPTIVE_DELAY_MILLIS = 30_000L;
    /** Shorter pauses pass before anyone wonders; longer ones are announced. */
    static final long NOTICEABLE_PAUSE_MILLIS = 2_000L;
    /** A quota that frees one slot at a time would otherwise announce itself before every message. */
    private static final long QUOTA_NOTICE_QUIET_MILLIS = 60_000L;

    private final AccountLane lane;
    private final Consumer<AccountNotice> notices;
    private final QuotaWindow quota = new QuotaWindow();
    /** The account's limits over every process that sends with it (a team store); always yes otherwise. */
    private final QuotaPermits permits;
    private long groupCount;
    private long pauseUntil;
    private long backoffUntil;
    private int backoffStep;
    private long adaptiveDelay;
    private long adaptiveNoticed;
    private long quotaQuietUntil;
    private long lastStart;
    private String downReason;
    private String waitReason = "";
    private final SharedPace pace;
    /** The end of the last shared group pause announced: each pause is announced once, not by every connection. */
    private long pauseAnnounced;
    private int failuresInARow;
    /** A problem was announced and no connection has worked since: the next one that does announces the recovery. */
    private boolean problemAnnounced;
    private SessionException lastFailure;
    private boolean gaveUp;

    AccountThrottle(AccountLane lane) {
        this(lane, n -> { });
    }

    AccountThrottle(AccountLane lane, Consumer<AccountNotice> notices) {
        this(lane, notices, QuotaPermits.LOCAL);
    }

    /**
     * notices: where this account's notices go; called on engine threads, while this throttle is locked.
     * permits: where a message gets its permit under the account's limits besides this throttle's own count.
     */
    AccountThrottle(AccountLane lane, Consumer<AccountNotice> notices, QuotaPermits permits) {
        this(lane, notices, permits, null);
    }

    /** pace: the account's group pacing across processes (a team store), or null for this throttle's own pause. */
    AccountThrottle(AccountLane lane, Consumer<AccountNotice> notices, QuotaPermits permits, SharedPace pace) {
        this.lane = lane;
        this.notices = notices;
        this.permits = permits;
        this.pace = pace;
    }

    AccountLane lane() { return lane; }

    /** Seeds the quota with what this account already sent (other runs and campaigns). */
    synchronized void seed(long atMillis, int sent) {
        quota.add(atMillis, sent);
    }

    synchronized boolean down() { return downReason != null; }

    synchronized String downReason() { return downReason; }

    /** True when the run stopped trying this account after too many failed connections in a row (not a permanent refusal). */
    synchronized boolean gaveUp() { return gaveUp; }

    /** The last failed connection, or null. */
    synchronized SessionException lastFailure() { return lastFailure; }

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
                announceQuota(false, lane.maxPerHour(), now, free, false);
            }
        }
        if (lane.maxPerDay() > 0 && quota.lastDay(now) >= lane.maxPerDay()) {
            long free = quota.freeAt(now, 24 * 60, lane.maxPerDay());
            if (free > until) {
                until = free;
                waitReason = "daily limit of " + lane.maxPerDay() + " reached";
                announceQuota(true, lane.maxPerDay(), now, free, false);
            }
        }
        if (adaptiveDelay > 0 && lastStart + adaptiveDelay > until) {
            until = lastStart + adaptiveDelay;
            if (until > now) waitReason = "slowed down after temporary refusals";
        }
        if (until > now) return until - now;
        // Last, once this process would start the message: a permit taken while pausing would only be held idle.
        QuotaPermits.Refusal refused = permits.take(now);
        if (refused != null) {
            waitReason = (refused.daily() ? "daily" : "hourly") + " limit of " + refused.limit()
                    + " reached (all senders of account " + lane.name() + " together)";
            announceQuota(refused.daily(), refused.limit(), now, refused.freeAt(), true);
            return Math.max(1, refused.freeAt() - now);
        }
        if (pace != null) {
            // A team store: the group is the account's across every process, counted in the store.
            long next = pace.take(now);
            if (next > 0) {
                permits.putBack();
                waitReason = "pausing between groups (all senders of account " + lane.name() + " together)";
                if (next - now >= NOTICEABLE_PAUSE_MILLIS && next > pauseAnnounced) {
                    pauseAnnounced = next;
                    notices.accept(AccountNotices.groupPause(lane.name(), lane.groupSize(), now, next));
                }
                return Math.max(1, next - now);
            }
        }
        quota.add(now, 1);
        lastStart = now;
        if (pace == null && lane.groupSize() > 0 && lane.groupIntervalMillis() > 0 && ++groupCount % lane.groupSize() == 0) {
            pauseUntil = now + lane.groupIntervalMillis();
            if (lane.groupIntervalMillis() >= NOTICEABLE_PAUSE_MILLIS) {
                notices.accept(AccountNotices.groupPause(lane.name(), lane.groupSize(), now, pauseUntil));
            }
        }
        return 0;
    }

    private void announceQuota(boolean daily, int limit, long now, long free, boolean shared) {
        if (free - now < NOTICEABLE_PAUSE_MILLIS || now < quotaQuietUntil) return;
        quotaQuietUntil = Math.max(free, now + QUOTA_NOTICE_QUIET_MILLIS);
        notices.accept(AccountNotices.quota(lane.name(), daily, limit, now, free, shared));
    }

    /** Gives back a reserved slot that was not used (the recipient was skipped or the connection failed). */
    synchronized void release(long now) {
        quota.add(now, -1);
        permits.putBack();
    }

    /** The run ends: the account's permits this process holds unused go back to the other senders. */
    synchronized void giveBackPermits() {
        permits.giveBackUnused();
    }

    /** A 4xx reply: slow this account down, doubling the delay each time. */
    synchronized void temporaryRefusal(long now) {
        adaptiveDelay = Math.min(MAX_ADAPTIVE_DELAY_MILLIS, Math.max(200, adaptiveDelay * 2));
        if (adaptiveDelay >= NOTICEABLE_PAUSE_MILLIS && adaptiveDelay > adaptiveNoticed) {
            adaptiveNoticed = adaptiveDelay;
            notices.accept(AccountNotices.slowedDown(lane.name(), adaptiveDelay, now));
        }
    }

    /** A success: recover speed gradually. */
    synchronized void success() {
        backoffStep = 0;
        adaptiveDelay = adaptiveDelay < 20 ? 0 : adaptiveDelay / 2;
        if (adaptiveDelay < NOTICEABLE_PAUSE_MILLIS) adaptiveNoticed = 0;
    }

    /** A session opened: the failures in a row end, and a problem announced before is announced as over. */
    synchronized void connected(long now) {
        failuresInARow = 0;
        if (!problemAnnounced) return;
        problemAnnounced = false;
        notices.accept(AccountNotices.recovered(lane.name(), lastFailure == null ? null : lastFailure.target(), now));
    }

    /**
     * A session could not be opened. A permanent failure takes the account down; a temporary one backs off, and the
     * {@link AccountLane#maxConnectionFailures()}-th in a row takes the account down too (the run gives up on it).
     * A failure while another connection of this account already made it back off or go down repeats that news and
     * is neither counted nor announced.
     */
    synchronized void connectFailed(long now, SessionException e) {
        if (downReason != null || backoffUntil > now) return;
        lastFailure = e;
        failuresInARow++;
        problemAnnounced = true;
        if (e.permanent() || failuresInARow >= lane.maxConnectionFailures()) {
            gaveUp = !e.permanent();
            AccountNotice notice = gaveUp ? AccountNotices.gaveUp(lane.name(), e, failuresInARow, now)
                    : AccountNotices.stopped(lane.name(), e, failuresInARow, now);
            downReason = notice.sentence();
            notices.accept(notice);
            return;
        }
        long next = backOff(now, e.getMessage());
        notices.accept(AccountNotices.failure(lane.name(), e, failuresInARow, now, next));
    }

    /** The server said 421 in a session: back off, and say so. */
    synchronized void serverClosing(long now, String reply) {
        problemAnnounced = true;
        long next = backOff(now, "the server is closing the connection (421)");
        notices.accept(AccountNotices.busy(lane.name(), lastFailure == null ? null : lastFailure.target(), reply, now, next));
    }

    /** 421 or a failed connection: wait before using this account again, longer each time. Returns the end of the wait. */
    synchronized long backOff(long now, String why) {
        long delay = Math.min(MAX_BACKOFF_MILLIS, lane.firstBackoffMillis() << Math.min(backoffStep, 20));
        backoffStep++;
        backoffUntil = Math.max(backoffUntil, now + delay);
        waitReason = "backing off: " + why;
        return backoffUntil;
    }
}

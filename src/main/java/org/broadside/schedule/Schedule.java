package org.broadside.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When a campaign starts, and optionally the daily window it sends in: as the store keeps it, with where it stands.
 *
 * @param window     null when the campaign may send at any hour
 * @param claimant   the process sending it while {@code state} is RUNNING, else null
 * @param heartbeat  when the claimant last said it is still sending
 * @param lastResult what the last run did, in a sentence, or null before the first run
 */
public record Schedule(String campaignUid, String campaignName, Path campaignFile, Instant start, ZoneId zone,
                       DailyWindow window, ScheduleState state, Claimant claimant, Instant heartbeat,
                       Instant lastRunAt, String lastResult) {

    /** A new schedule, waiting for its start. */
    public static Schedule of(String uid, String name, Path file, Instant start, ZoneId zone, DailyWindow window) {
        return new Schedule(uid, name, file, start, zone, window, ScheduleState.SCHEDULED, null, null, null, null);
    }

    /**
     * When it starts (or goes on) next, seen at {@code now}: its start, moved to the window's next opening when the
     * window is closed then; {@code now} when it is due. Null when nothing will start it (done, cancelled, missed).
     */
    public Instant nextStart(Instant now) {
        if (state != ScheduleState.SCHEDULED && state != ScheduleState.RUNNING) return null;
        Instant from = start.isAfter(now) ? start : now;
        if (window == null) return from;
        return window.nextOpening(from, zone);
    }

    /** Whether a run must start now: waiting, its start passed, and inside its window. */
    public boolean isDue(Instant now) {
        return state == ScheduleState.SCHEDULED && !start.isAfter(now) && (window == null || window.isOpen(now, zone));
    }

    /** When the sending window that is open at {@code now} closes; null without a window (or when it is closed). */
    public Instant windowEnd(Instant now) {
        return window == null ? null : window.closing(now, zone).orElse(null);
    }

    /** Whether the window lets it send at {@code now} (always, without a window). */
    public boolean insideWindow(Instant now) {
        return window == null || window.isOpen(now, zone);
    }

    /** Whether its start passed while nobody ran it: waiting, never run, and due more than {@code grace} ago. */
    public boolean wasMissed(Instant now, java.time.Duration grace) {
        return state == ScheduleState.SCHEDULED && lastRunAt == null && start.plus(grace).isBefore(now);
    }
}

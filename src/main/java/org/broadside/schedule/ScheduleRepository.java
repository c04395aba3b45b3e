package org.broadside.schedule;

import org.broadside.events.AppEvent;
import org.broadside.store.Database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The scheduled campaigns of the store. Every change is published as the campaign's {@code CampaignStateChanged}
 * after its commit, so open windows (and, through the store watcher, other processes' windows) follow.
 * A run holds a claim: {@link #claim} is a compare-and-set UPDATE, so of two processes that try at once one wins.
 */
public final class ScheduleRepository {
    /** A claim whose holder has not said it is alive for this long, and whose process is gone, may be taken over. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(5);
    private static final String COLUMNS = "campaign_uid, campaign_name, campaign_file, start_at, zone, window_from, window_to, "
            + "window_days, state, claimed_by, heartbeat_at, last_run_at, last_result";

    private final Database db;

    public ScheduleRepository(Database db) {
        this.db = db;
    }

    public Database database() { return db; }

    /**
     * Sets (or replaces) a campaign's start and window; it waits for its start again. Refused while it is sending,
     * because the run in progress follows the schedule it started with.
     */
    public void save(Schedule s) throws ScheduleBusyException {
        boolean saved = db.write(new AppEvent.CampaignStateChanged(s.campaignUid()), c -> {
            Optional<Schedule> existing = find(c, s.campaignUid());
            if (existing.isPresent() && existing.get().state() == ScheduleState.RUNNING) return false;
            try (PreparedStatement p = c.prepareStatement("DELETE FROM schedules WHERE campaign_uid = ?")) {
                p.setString(1, s.campaignUid());
                p.executeUpdate();
            }
            long now = System.currentTimeMillis();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO schedules(" + COLUMNS + ", created_at, updated_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,NULL,NULL,?,?,?,?)")) {
                p.setString(1, s.campaignUid());
                p.setString(2, s.campaignName());
                p.setString(3, s.campaignFile().toAbsolutePath().normalize().toString());
                p.setLong(4, s.start().toEpochMilli());
                p.setString(5, s.zone().getId());
                DailyWindow w = s.window();
                p.setString(6, w == null ? null : w.from().toString());
                p.setString(7, w == null ? null : w.to().toString());
                p.setString(8, w == null ? null : w.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")));
                p.setString(9, ScheduleState.SCHEDULED.name());
                // A re-scheduled campaign keeps its history: when it last ran and how that went.
                setInstant(p, 10, existing.map(Schedule::lastRunAt).orElse(null));
                p.setString(11, existing.map(Schedule::lastResult).orElse(null));
                p.setLong(12, now);
                p.setLong(13, now);
                p.executeUpdate();
            }
            return true;
        });
        if (!saved) throw new ScheduleBusyException(find(s.campaignUid()).orElse(s));
    }

    public Optional<Schedule> find(String uid) {
        return db.read(c -> find(c, uid));
    }

    /** Every schedule, the next to start first. */
    public List<Schedule> list() {
        return db.read(c -> {
            List<Schedule> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM schedules ORDER BY start_at, campaign_name");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(schedule(rs));
            }
            return out;
        });
    }

    /** Removes the schedule (the campaign itself and its results stay); false when there was none. */
    public boolean remove(String uid) throws ScheduleBusyException {
        return change(uid, "DELETE FROM schedules WHERE campaign_uid = ? AND state <> 'RUNNING'");
    }

    /** Cancels it: nothing starts it again until it is scheduled anew; false when there was none. */
    public boolean cancel(String uid) throws ScheduleBusyException {
        return change(uid, "UPDATE schedules SET state = 'CANCELLED', updated_at = " + System.currentTimeMillis()
                + " WHERE campaign_uid = ? AND state <> 'RUNNING'");
    }

    /** Marks a start that passed unrun as waiting for the user ("Later"). */
    public boolean markMissed(String uid, String why) {
        return db.write(new AppEvent.CampaignStateChanged(uid), c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE schedules SET state = 'MISSED', last_result = COALESCE(?, last_result), "
                    + "updated_at = ? WHERE campaign_uid = ? AND state = 'SCHEDULED'")) {
                p.setString(1, why);
                p.setLong(2, System.currentTimeMillis());
                p.setString(3, uid);
                return p.executeUpdate() == 1;
            }
        });
    }

    /** Makes it due at {@code now} ("Run now"); its window, if any, still decides when it sends. */
    public boolean runNow(String uid, Instant now) throws ScheduleBusyException {
        return change(uid, "UPDATE schedules SET state = 'SCHEDULED', start_at = " + now.toEpochMilli() + ", updated_at = "
                + System.currentTimeMillis() + " WHERE campaign_uid = ? AND state <> 'RUNNING'");
    }

    private boolean change(String uid, String sql) throws ScheduleBusyException {
        Optional<Schedule> before = find(uid);
        if (before.isEmpty()) return false;
        boolean changed = db.write(new AppEvent.CampaignStateChanged(uid), c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, uid);
                return p.executeUpdate() == 1;
            }
        });
        if (!changed) {
            Optional<Schedule> now = find(uid);
            if (now.isPresent() && now.get().state() == ScheduleState.RUNNING) throw new ScheduleBusyException(now.get());
        }
        return changed;
    }

    /**
     * Takes the right to run the campaign now. Succeeds for a waiting schedule, or for a stale claim: its holder has
     * not beaten for {@link #STALE_AFTER} and its process is gone (a crashed app or a killed cron job). The UPDATE
     * compares the row with what was read, so of two processes claiming at once exactly one gets it.
     */
    public ClaimResult claim(String uid, Claimant me, Instant now) {
        Optional<Schedule> read = find(uid);
        if (read.isEmpty()) return new ClaimResult.Refused(null, "it is no longer scheduled");
        Schedule s = read.get();
        String sql;
        if (s.state() == ScheduleState.SCHEDULED) {
            sql = "UPDATE schedules SET state = 'RUNNING', claimed_by = ?, heartbeat_at = ?, last_run_at = ?, updated_at = ? "
                    + "WHERE campaign_uid = ? AND state = 'SCHEDULED'";
        } else if (s.state() == ScheduleState.RUNNING && reclaimable(s, now)) {
            sql = "UPDATE schedules SET state = 'RUNNING', claimed_by = ?, heartbeat_at = ?, last_run_at = ?, updated_at = ? "
                    + "WHERE campaign_uid = ? AND state = 'RUNNING' AND claimed_by = ? AND heartbeat_at = ?";
        } else if (s.state() == ScheduleState.RUNNING) {
            return new ClaimResult.Refused(s.claimant(), "it is being sent by " + describe(s.claimant()));
        } else {
            return new ClaimResult.Refused(null, "it is " + ScheduleWords.state(s.state()).toLowerCase());
        }
        boolean won = db.write(new AppEvent.CampaignStateChanged(uid), c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, me.encode());
                p.setLong(2, now.toEpochMilli());
                p.setLong(3, now.toEpochMilli());
                p.setLong(4, System.currentTimeMillis());
                p.setString(5, uid);
                if (s.state() == ScheduleState.RUNNING) {
                    p.setString(6, s.claimant().encode());
                    p.setLong(7, s.heartbeat().toEpochMilli());
                }
                return p.executeUpdate() == 1;
            }
        });
        if (won) return new ClaimResult.Claimed(s);
        Schedule other = find(uid).orElse(s);
        return new ClaimResult.Refused(other.claimant(), "it was just taken by " + describe(other.claimant()));
    }

    /** Stale: nobody said it is alive for {@link #STALE_AFTER}, and its process is gone (or is on another host). */
    static boolean reclaimable(Schedule s, Instant now) {
        if (s.claimant() == null || s.heartbeat() == null) return true;
        boolean stale = s.heartbeat().plus(STALE_AFTER).isBefore(now);
        return stale && !s.claimant().isAlive();
    }

    /** The claimant says it is still sending; false when its claim is gone (taken over, cancelled, removed). */
    public boolean heartbeat(String uid, Claimant me, Instant now) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE schedules SET heartbeat_at = ? WHERE campaign_uid = ? AND state = 'RUNNING' AND claimed_by = ?")) {
                p.setLong(1, now.toEpochMilli());
                p.setString(2, uid);
                p.setString(3, me.encode());
                return p.executeUpdate() == 1;
            }
        });
    }

    /**
     * Ends the claim: DONE when nothing is left to send, SCHEDULED when the rest waits for the window or the next
     * run, MISSED when the run could not start. False when the claim was no longer ours.
     */
    public boolean release(String uid, Claimant me, ScheduleState next, String result) {
        return db.write(new AppEvent.CampaignStateChanged(uid), c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE schedules SET state = ?, claimed_by = NULL, heartbeat_at = NULL, "
                    + "last_result = ?, updated_at = ? WHERE campaign_uid = ? AND state = 'RUNNING' AND claimed_by = ?")) {
                p.setString(1, next.name());
                p.setString(2, result);
                p.setLong(3, System.currentTimeMillis());
                p.setString(4, uid);
                p.setString(5, me.encode());
                return p.executeUpdate() == 1;
            }
        });
    }

    private static String describe(Claimant c) { return c == null ? "another process" : c.describe(); }

    private static Optional<Schedule> find(Connection c, String uid) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM schedules WHERE campaign_uid = ?")) {
            p.setString(1, uid);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(schedule(rs)) : Optional.empty();
            }
        }
    }

    private static Schedule schedule(ResultSet rs) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString(5));
        DailyWindow window = null;
        if (rs.getString(6) != null) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : rs.getString(8).split(",")) days.add(DayOfWeek.valueOf(d));
            window = new DailyWindow(LocalTime.parse(rs.getString(6)), LocalTime.parse(rs.getString(7)), days);
        }
        String claimedBy = rs.getString(10);
        return new Schedule(rs.getString(1), rs.getString(2), Path.of(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)), zone,
                window, ScheduleState.valueOf(rs.getString(9)), claimedBy == null ? null : Claimant.decode(claimedBy),
                instant(rs, 11), instant(rs, 12), rs.getString(13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInstant(PreparedStatement p, int i, Instant at) throws SQLException {
        if (at == null) p.setNull(i, Types.INTEGER);
        else p.setLong(i, at.toEpochMilli());
    }
}

package org.broadside.delivery;

import org.broadside.store.DataAccess;
import org.broadside.store.Database;
import org.broadside.store.ProcessIdentity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs being sent right now, whoever sends them: this process, the command line beside it, or another machine on a
 * team store. A run's sender renews its lease ({@code alive_until}) while it sends; a run that has not ended and whose
 * lease holds is live. Other windows show live runs and follow their counts, a second start of the same campaign is
 * refused while one lives (two processes reading the same PENDING recipients would each send them), and a window
 * stops another process's run by recording a stop request that the sender reads when it renews.
 *
 * <p>A sender on this machine that is gone (killed, crashed) is recognised at once by its process id and start time,
 * so resuming right after a kill is not held up by the lease; a sender on another machine is trusted until its lease
 * runs out, because from here a dead machine and a slow network look alike.
 */
@DataAccess
public final class SendingRuns {
    /** How long a run stays live without a renewal; its sender renews every third of it. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** The reply a run records for a recipient before its message's final "." (the UNKNOWN mark a reply replaces). */
    public static final String IN_FLIGHT_REPLY =
            "transaction in progress: if Broadside stopped here, the server may have accepted the message";
    private static final String GONE = "ended without finishing: its process stopped (killed, crashed or the machine lost power)";

    private final Database db;
    private final Clock clock;

    public SendingRuns(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public SendingRuns(Database db) { this(db, Clock.systemUTC()); }

    /** A live run: which process sends it and since when. */
    public record Sender(long runId, ProcessIdentity process, long startedAt) {
        /** "process 4242 on host-a, since 14:02". */
        public String describe() {
            return process.describe() + ", since " + DateTimeFormatter.ofPattern("HH:mm")
                    .format(Instant.ofEpochMilli(startedAt).atZone(ZoneId.systemDefault()));
        }
    }

    /**
     * Whether runs of one campaign may be sent by several processes at once: on a team store, where they share its
     * recipients through {@link RecipientClaims}. On SQLite a second run is refused while one lives.
     */
    public boolean shared() { return db.dialect() == org.broadside.store.Dialect.POSTGRES; }

    /**
     * Records a new run of the campaign sent by {@code me} and answers its id. On SQLite it refuses with
     * {@link CampaignBusyException} while another run of it is live; on a team store the new run joins the live ones
     * ({@link #shared}). Check and insert are one transaction that first writes the campaign's row, so two processes
     * starting the same campaign at once are serialised by the store (SQLite's write lock, PostgreSQL's row lock) and
     * the second sees the first's run. Runs whose sender is gone are closed on the way, so the report does not show
     * them as still running.
     */
    public long start(long campaignId, String campaignName, ProcessIdentity me, Duration lease) {
        long now = clock.millis();
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE campaigns SET updated_at = updated_at WHERE id = ?")) {
                p.setLong(1, campaignId);
                p.executeUpdate();
            }
            List<Sender> live = closeGone(c, campaignId, now);
            if (!live.isEmpty() && !shared()) throw new CampaignBusyException(campaignName, live.get(0));
            try (PreparedStatement p = c.prepareStatement("INSERT INTO runs(campaign_id, started_at, host, pid,"
                    + " process_started_at, alive_until) VALUES (?,?,?,?,?,?) RETURNING id")) {
                p.setLong(1, campaignId);
                p.setLong(2, now);
                p.setString(3, me.host());
                p.setLong(4, me.pid());
                p.setLong(5, me.startMillis());
                p.setLong(6, now + lease.toMillis());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Extends the run's lease and answers whether somebody asked it to stop (a window of another process or machine).
     * Renewing a run that already ended (closed as gone by a process that thought it dead) answers true: its sender
     * must stop, another run may have taken over.
     */
    public boolean renew(long runId, Duration lease) {
        long now = clock.millis();
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE runs SET alive_until = ? WHERE id = ? AND ended_at IS NULL")) {
                p.setLong(1, now + lease.toMillis());
                p.setLong(2, runId);
                if (p.executeUpdate() == 0) return true;
            }
            try (PreparedStatement p = c.prepareStatement("SELECT stop_requested_at FROM runs WHERE id = ?")) {
                p.setLong(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() && rs.getObject(1) != null;
                }
            }
        });
    }

    /** The live runs of a campaign (none when nobody sends it), oldest first. */
    public List<Sender> live(long campaignId) {
        long now = clock.millis();
        return db.read(c -> {
            List<Sender> out = new ArrayList<>();
            for (Sender s : openRuns(c, campaignId)) {
                if (isLive(s, now, leaseOf(c, s.runId()))) out.add(s);
            }
            return out;
        });
    }

    /**
     * How many recipients the live runs have in flight: marked UNKNOWN with {@link #IN_FLIGHT_REPLY} by the run itself, the mark
     * a sender records before each message's final "." (only the reply makes it SENT). While the run lives they are
     * being sent, not unknown, and a window following the run counts them as SENDING.
     */
    public long inFlight(long campaignId, List<Sender> live) {
        if (live.isEmpty()) return 0;
        return db.read(c -> {
            long n = 0;
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM recipients WHERE campaign_id = ?"
                    + " AND state = 'UNKNOWN' AND reply = ? AND run_id = ?")) {
                for (Sender s : live) {
                    p.setLong(1, campaignId);
                    p.setString(2, IN_FLIGHT_REPLY);
                    p.setLong(3, s.runId());
                    try (ResultSet rs = p.executeQuery()) {
                        if (rs.next()) n += rs.getLong(1);
                    }
                }
            }
            return n;
        });
    }

    /**
     * Ends the open runs of the campaign whose sender is gone: on this machine a killed process is known at once, so
     * the recipients it had claimed but not started go to the others without waiting for its lease to run out.
     */
    public void closeGone(long campaignId) {
        long now = clock.millis();
        db.inTransaction(c -> closeGone(c, campaignId, now));
    }

    /** Ends the campaign's open runs whose sender is gone; answers the live ones, oldest first. */
    private static List<Sender> closeGone(Connection c, long campaignId, long now) throws SQLException {
        List<Sender> live = new ArrayList<>();
        for (Sender s : openRuns(c, campaignId)) {
            if (isLive(s, now, leaseOf(c, s.runId()))) live.add(s);
            else end(c, s.runId(), now, GONE);
        }
        return live;
    }

    /**
     * Ends this run and answers whether other runs of its campaign still live: the last run to end records the
     * campaign's final status, the others leave it to that one. Ending first and looking second means that of two
     * runs ending at once at least one sees the other ended.
     */
    public boolean endAndCheckOthers(long campaignId, long runId, String outcome) {
        long now = clock.millis();
        db.inTransaction(c -> {
            end(c, runId, now, outcome);
            return null;
        });
        return !live(campaignId).isEmpty();
    }

    /** Asks every live run of the campaign to stop; answers how many were asked. They stop at their next renewal. */
    public int requestStop(long campaignId) {
        long now = clock.millis();
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE runs SET stop_requested_at = ? WHERE campaign_id = ?"
                    + " AND ended_at IS NULL AND alive_until > ? AND stop_requested_at IS NULL")) {
                p.setLong(1, now);
                p.setLong(2, campaignId);
                p.setLong(3, now);
                return p.executeUpdate();
            }
        });
    }

    private static boolean isLive(Sender s, long now, long aliveUntil) {
        return aliveUntil > now && s.process().isAlive();
    }

    private static List<Sender> openRuns(Connection c, long campaignId) throws SQLException {
        List<Sender> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, host, pid, process_started_at, started_at FROM runs"
                + " WHERE campaign_id = ? AND ended_at IS NULL AND alive_until IS NOT NULL ORDER BY id")) {
            p.setLong(1, campaignId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Sender(rs.getLong(1), new ProcessIdentity(rs.getString(2), rs.getLong(3), rs.getLong(4)),
                            rs.getLong(5)));
                }
            }
        }
        return out;
    }

    private static long leaseOf(Connection c, long runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT alive_until FROM runs WHERE id = ?")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void end(Connection c, long runId, long now, String outcome) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE runs SET ended_at = ?, outcome = ? WHERE id = ? AND ended_at IS NULL")) {
            p.setLong(1, now);
            p.setString(2, outcome);
            p.setLong(3, runId);
            p.executeUpdate();
        }
    }
}

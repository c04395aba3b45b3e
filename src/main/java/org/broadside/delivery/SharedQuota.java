package org.broadside.delivery;

import org.broadside.store.DataAccess;
import org.broadside.store.Database;
import org.broadside.store.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's hourly and daily limits kept in the store for every process that sends with it (issue 15): each
 * process asks here for sending permits in blocks, and {@code quota_grants} counts the permits granted per account
 * and minute, whoever asked. So three processes with a limit of 1,000 an hour send at most 1,000 in any hour together.
 *
 * <p>A permit is good for {@link #PERMIT_LIFE_MILLIS} after its grant; {@link SharedPermits} drops it then and gives it
 * back. A message sent in the hour [s, s+60 min) therefore used a permit granted in one of the 62 minutes from s's
 * minute minus one to s's minute plus 60 (a permit granted at 10:00:50 may go out at 10:01:40). That is why the
 * hourly check sums the current minute and the {@value #HOUR_ROWS} - 1 before it, not 60: every hour of sending time
 * lies inside one such span, so no hour sees more than the limit. The daily check likewise sums 24*60 + 2 rows.
 *
 * <p>The minutes are the sending process's clock, as the run leases are ({@link SendingRuns}): machines that share a
 * team store keep their clocks in time.
 */
@DataAccess
public final class SharedQuota {
    /** How long a granted permit may be used; after that it is given back (see the class comment). */
    public static final long PERMIT_LIFE_MILLIS = 60_000;
    static final int HOUR_ROWS = 62;
    static final int DAY_ROWS = 24 * 60 + 2;
    /** Namespaces this class's advisory locks (two-int form) apart from the migrations' (one bigint). */
    private static final int LOCK_CLASS = 0x51554f54; // "QUOT"

    private final Database db;

    public SharedQuota(Database db) {
        this.db = db;
    }

    /**
     * The answer to one request: {@code granted} permits (0 = none now) counted in {@code minute}; when none, the
     * time at which one frees ({@code freeAt}) and whether the daily limit (rather than the hourly one) is the reason.
     */
    public record Grant(int granted, long minute, long freeAt, boolean daily) {}

    /**
     * Grants up to {@code wanted} permits to send with {@code account} at {@code now}, within its limits over every
     * process (0 = no limit). One transaction that first serialises on the account, so two processes asking at once
     * never both take the last permits.
     */
    public Grant grant(String account, int maxPerHour, int maxPerDay, int wanted, long now) {
        long minute = now / 60_000;
        return db.inTransaction(c -> {
            lockAccount(c, account);
            // Rows past the daily window count for nothing any more: removed on the way, so the table stays small.
            try (PreparedStatement p = c.prepareStatement("DELETE FROM quota_grants WHERE account = ? AND minute <= ?")) {
                p.setString(1, account);
                p.setLong(2, minute - DAY_ROWS);
                p.executeUpdate();
            }
            List<long[]> rows = rows(c, account, minute - DAY_ROWS + 1);
            int hour = sum(rows, minute - HOUR_ROWS + 1);
            int day = sum(rows, minute - DAY_ROWS + 1);
            int g = Math.max(0, wanted);
            if (maxPerHour > 0) g = Math.min(g, maxPerHour - hour);
            if (maxPerDay > 0) g = Math.min(g, maxPerDay - day);
            if (g <= 0) {
                long hourFree = maxPerHour > 0 && hour >= maxPerHour ? freeAt(rows, minute, hour, maxPerHour, HOUR_ROWS) : now;
                long dayFree = maxPerDay > 0 && day >= maxPerDay ? freeAt(rows, minute, day, maxPerDay, DAY_ROWS) : now;
                return new Grant(0, minute, Math.max(now, Math.max(hourFree, dayFree)), dayFree > hourFree);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO quota_grants(account, minute, granted) VALUES (?,?,?)"
                    + " ON CONFLICT(account, minute) DO UPDATE SET granted = quota_grants.granted + excluded.granted")) {
                p.setString(1, account);
                p.setLong(2, minute);
                p.setInt(3, g);
                p.executeUpdate();
            }
            return new Grant(g, minute, now, false);
        });
    }

    /** Gives back {@code unused} permits granted in {@code minute}: they were never used, others may have them. */
    public void giveBack(String account, long minute, int unused) {
        if (unused <= 0) return;
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE quota_grants SET granted ="
                    + " CASE WHEN granted > ? THEN granted - ? ELSE 0 END WHERE account = ? AND minute = ?")) {
                p.setInt(1, unused);
                p.setInt(2, unused);
                p.setString(3, account);
                p.setLong(4, minute);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Permits of {@code account} granted over the hourly window ending at {@code now}, by every process. */
    public int grantedInHourWindow(String account, long now) {
        long minute = now / 60_000;
        return db.read(c -> sum(rows(c, account, minute - HOUR_ROWS + 1), minute - HOUR_ROWS + 1));
    }

    /**
     * PostgreSQL: a lock on the account's name held to the end of the transaction (rows may not exist yet to lock).
     * SQLite: the transaction's first statement is a write (the DELETE), which takes the database's write lock.
     */
    private void lockAccount(Connection c, String account) throws SQLException {
        lockAccount(db, c, account);
    }

    /** See {@link #lockAccount(Connection, String)}; {@link SharedPace} serialises on the same lock. */
    static void lockAccount(Database db, Connection c, String account) throws SQLException {
        if (db.dialect() != Dialect.POSTGRES) return;
        try (Statement s = c.createStatement()) {
            // Each later statement must see what the lock's previous holder committed, whatever the server's default.
            s.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            p.setInt(1, LOCK_CLASS);
            p.setString(2, account);
            p.execute();
        }
    }

    /** The account's rows from {@code fromMinute} on, oldest first, as {minute, granted}. */
    private static List<long[]> rows(Connection c, String account, long fromMinute) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT minute, granted FROM quota_grants WHERE account = ? AND minute >= ? ORDER BY minute")) {
            p.setString(1, account);
            p.setLong(2, fromMinute);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return rows;
    }

    private static int sum(List<long[]> rows, long fromMinute) {
        long total = 0;
        for (long[] r : rows) if (r[0] >= fromMinute) total += r[1];
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /**
     * When the window of {@code width} minutes holds fewer than {@code limit} permits again: the oldest rows leave it
     * one by one (a row of minute m leaves it at the start of minute m + width).
     */
    private static long freeAt(List<long[]> rows, long minute, int total, int limit, int width) {
        for (long[] r : rows) {
            if (r[0] <= minute - width) continue;
            total -= (int) r[1];
            if (total < limit) return (r[0] + width) * 60_000;
        }
        return (minute + 1) * 60_000; // only when the limit shrank below what was granted: look again next minute
    }
}

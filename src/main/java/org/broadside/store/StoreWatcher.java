package org.broadside.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices what other processes (the command line, a second app on the same data directory) changed, and publishes it
 * on the database's bus as if it had happened here. Polls {@code PRAGMA data_version} on its own connection (it moves
 * when any other connection commits; reading it touches no page), and only then reads the counters of
 * {@link StoreChanges} (a team store, where other machines write, has no such signal: its counters are read at every
 * poll). A counter that moved by exactly one, last bumped by this very Database instance, is this
 * process's own write, already published by the repository that made it, so it is not published twice.
 */
public final class StoreWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWatcher.class);
    private final Database db;
    private final Map<StoreChanges.Topic, Long> seen = new EnumMap<>(StoreChanges.Topic.class);
    private final ScheduledExecutorService timer;
    private Connection connection;
    private long dataVersion = Long.MIN_VALUE;
    private boolean failing;

    private StoreWatcher(Database db) {
        this.db = db;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broadside-store-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts watching. The first poll, which takes the current counters as the baseline, is done before this returns,
     * so every write committed afterwards is noticed.
     */
    public static StoreWatcher start(Database db, Duration every) {
        StoreWatcher w = new StoreWatcher(db);
        try {
            w.timer.submit(w::poll).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("The store watcher's first look at the database took too long", e);
        }
        w.timer.scheduleWithFixedDelay(w::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return w;
    }

    private void poll() {
        try {
            if (connection == null) connection = db.connect();
            // SQLite: PRAGMA data_version says whether anything was committed since. PostgreSQL has no such cheap
            // signal for commits made on other machines, so the team store reads the few counter rows every poll.
            if (!db.isTeamStore()) {
                long now = dataVersion();
                if (now == dataVersion) return;
                dataVersion = now;
            }
            boolean baseline = seen.isEmpty();
            for (var e : StoreChanges.read(connection).entrySet()) {
                Long before = seen.put(e.getKey(), e.getValue().version());
                if (baseline || before == null || before == e.getValue().version()) continue;
                boolean ownWrite = e.getValue().version() == before + 1 && db.writerId().equals(e.getValue().writer());
                if (!ownWrite) db.events().publish(e.getKey().unknownChange());
            }
            failing = false;
        } catch (SQLException | RuntimeException e) {
            // A locked or briefly unreadable database is retried at the next poll; log once per failing streak.
            if (!failing) LOG.warn("Watching the database for other processes' changes failed", e);
            failing = true;
            closeConnection();
        }
    }

    private long dataVersion() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void closeConnection() {
        try {
            if (connection != null) connection.close();
        } catch (SQLException ignored) {
            // closing a connection that failed: nothing more to do
        }
        connection = null;
        dataVersion = Long.MIN_VALUE;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}

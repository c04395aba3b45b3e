package org.broadside.delivery;

import org.broadside.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The only writer of recipient states and connection log lines during a run. Group commit: whatever the
 * connections queued while the previous commit was being synced goes into the next transaction, so one fsync
 * covers many connections. Writes are applied in the order they were submitted, which is what makes
 * "the previous outcome of this connection is durable" true whenever a later write of it is.
 */
public final class StateWriter implements AutoCloseable {
    private static final int MAX_BATCH = 20_000;
    private static final Object STOP = new Object();

    private final Database db;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private final Object durableLock = new Object();
    private final Thread thread;
    private long submitted;
    private long durable;
    private volatile Exception failure;

    private final boolean powerSafe;

    /** powerSafe: sync every commit to disk (synchronous=FULL); otherwise survive process crashes, sync in groups. */
    public StateWriter(Database db, boolean powerSafe) {
        this.db = db;
        this.powerSafe = powerSafe;
        this.thread = new Thread(this::loop, "broadside-state-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private record Item(long seq, Object payload) {}

    /** Queues a write without waiting. */
    public long submit(Object update) {
        checkHealthy();
        synchronized (submitLock) {
            long seq = ++submitted;
            queue.add(new Item(seq, update));
            return seq;
        }
    }

    /** Queues a write and returns once it, and everything queued before it, is durable on disk. */
    public void submitAndWait(Object update) throws InterruptedException {
        awaitDurable(submit(update));
    }

    /** Returns once everything queued so far is durable. */
    public void flush() throws InterruptedException {
        long target;
        synchronized (submitLock) {
            target = submitted;
        }
        awaitDurable(target);
    }

    /** Returns once the write with this sequence number (from submit), and all before it, is durable. */
    public void awaitDurable(long seq) throws InterruptedException {
        synchronized (durableLock) {
            while (durable < seq) {
                checkHealthy();
                durableLock.wait(1000);
            }
        }
    }

    private void checkHealthy() {
        Exception f = failure;
        if (f != null) throw new DeliveryStoreException("Recording delivery states failed: " + f.getMessage(), f);
    }

    private void loop() {
        List<Object> batch = new ArrayList<>();
        try (Connection c = db.connect()) {
            if (!powerSafe) {
                try (java.sql.Statement s = c.createStatement()) {
                    // WAL + NORMAL: a commit is in the operating system's hands when it returns (a kill of Broadside
                    // loses nothing); the disk is synced at checkpoints instead of at every commit.
                    s.execute("PRAGMA synchronous=NORMAL");
                }
            }
            try (java.sql.Statement s = c.createStatement()) {
                // Checkpoints run inside the committing call; fewer, larger ones keep the hook's wait short.
                s.execute("PRAGMA wal_autocheckpoint=8000");
            }
            c.setAutoCommit(false);
            try (PreparedStatement state = c.prepareStatement(
                    "UPDATE recipients SET state=?, code=?, enhanced_code=?, reply=?, queue_id=?, attempts=?, next_attempt_at=?, "
                            + "first_attempt_at=?, account=?, message_id=COALESCE(?, message_id), run_id=?, connection_no=?, reason=?, updated_at=? WHERE id=?");
                 PreparedStatement log = c.prepareStatement(
                         "INSERT INTO connection_log(run_id, connection_no, at, direction, line, recipient_id) VALUES (?,?,?,?,?,?)")) {
                boolean running = true;
                while (running) {
                    Object first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) continue;
                    batch.clear();
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH);
                    long last = 0;
                    boolean hasState = false, hasLog = false;
                    for (Object o : batch) {
                        if (o == STOP) {
                            running = false;
                            continue;
                        }
                        Item item = (Item) o;
                        last = item.seq();
                        if (item.payload() instanceof StateUpdate u) {
                            bind(state, u);
                            state.addBatch();
                            hasState = true;
                        } else if (item.payload() instanceof LogBlocks.Block b) {
                            log.setLong(1, b.runId());
                            log.setInt(2, b.connection());
                            log.setLong(3, b.at());
                            log.setString(4, LogBlocks.DIRECTION);
                            log.setString(5, b.encoded());
                            if (b.recipientId() > 0) log.setLong(6, b.recipientId()); else log.setNull(6, Types.INTEGER);
                            log.addBatch();
                            hasLog = true;
                        } else if (item.payload() instanceof LogLine l) {
                            log.setLong(1, l.runId());
                            log.setInt(2, l.connection());
                            log.setLong(3, l.at());
                            log.setString(4, l.direction().name());
                            log.setString(5, l.text());
                            if (l.recipientId() > 0) log.setLong(6, l.recipientId()); else log.setNull(6, Types.INTEGER);
                            log.addBatch();
                            hasLog = true;
                        }
                    }
                    if (hasLog) log.executeBatch();
                    if (hasState) state.executeBatch();
                    c.commit();
                    if (last > 0) {
                        synchronized (durableLock) {
                            durable = last;
                            durableLock.notifyAll();
                        }
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = e;
            Thread.currentThread().interrupt();
        } finally {
            synchronized (durableLock) {
                durableLock.notifyAll();
            }
        }
    }

    private static void bind(PreparedStatement p, StateUpdate u) throws SQLException {
        p.setString(1, u.state().name());
        if (u.code() > 0) p.setInt(2, u.code()); else p.setNull(2, Types.INTEGER);
        p.setString(3, u.enhancedCode());
        p.setString(4, u.reply());
        p.setString(5, u.queueId());
        p.setInt(6, u.attempts());
        if (u.nextAttemptAt() != null) p.setLong(7, u.nextAttemptAt()); else p.setNull(7, Types.INTEGER);
        if (u.firstAttemptAt() != null) p.setLong(8, u.firstAttemptAt()); else p.setNull(8, Types.INTEGER);
        p.setString(9, u.account());
        p.setString(10, u.messageId());
        if (u.runId() > 0) p.setLong(11, u.runId()); else p.setNull(11, Types.INTEGER);
        if (u.connection() > 0) p.setInt(12, u.connection()); else p.setNull(12, Types.INTEGER);
        p.setString(13, u.reason());
        p.setLong(14, u.at());
        p.setLong(15, u.recipientId());
    }

    /** Writes what is queued, then stops the writer thread. */
    @Override
    public void close() throws InterruptedException {
        queue.add(STOP);
        thread.join(60_000);
        checkHealthy();
    }
}

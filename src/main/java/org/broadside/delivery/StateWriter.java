package org.broadside.delivery;

import org.broadside.store.DataAccess;
import org.broadside.store.Database;
import org.broadside.store.RecipientStateStatement;
import org.broadside.store.StateJournal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The only writer of recipient states and connection log lines during a run. Group commit: whatever the
 * connections queued while the previous commit was being written goes into the next transaction. Writes are applied
 * in the order they were submitted, which is what makes "the previous outcome of this connection is durable"
 * true whenever a later write of it is.
 *
 * <p>Every state is first appended to a {@link StateJournal} by the submitting thread itself, which survives a kill
 * of the process the moment the write returns; SQLite then catches up in batches gathered for 100 ms (a recipient's
 * UNKNOWN mark and its receipt usually land in the same batch and cost one row update), and nobody waits for it. A
 * journal left by a killed process is replayed when the database is next opened.
 *
 * <p>Two durabilities. <b>Crash-safe</b>: that is all. <b>Power-safe</b>: the journal is also flushed to disk
 * continuously (group commit: one flush covers what every connection appended meanwhile), SQLite commits are synced,
 * and each connection {@link #reserveLater reserves} its next recipients in the journal ahead of sending them (ADR 0018).
 * A recipient's final "." waits until its reservation is on the disk, which has usually happened long before.
 */
@DataAccess
public final class StateWriter implements AutoCloseable {
    private static final int MAX_BATCH = 20_000;
    /**
     * How long the writer lets updates gather before a commit; nobody waits for it meanwhile ({@link #flush} and
     * {@link #close} cut it short). 100 ms rather than 10: a 50,000-recipient send's commits then write about a third of
     * the WAL frames (each batch's Message-IDs land on pages all over their index, so a longer batch shares more of
     * them), and the writer's CPU fell from ~1.2 s to ~0.7 s (docs/performance.md, 2026-12-07). A reader of SQLite
     * sees a state at most this much later; the journal already has it.
     */
    private static final long GATHER_MILLIS = 100;
    private static final Object STOP = new Object();
    /**
     * Team store: how often a commit waits for the server's disk. The others return once the server has the
     * transaction (visible to every process, safe from a kill or power cut of this machine); this machine's journal
     * keeps every update until a synced commit covers it, so a crash of the database server loses nothing either.
     */
    private static final long SYNC_EVERY_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(200);

    private final Database db;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** Orders sequence numbers and the queue; held only for that, never across I/O (16 connections contend for it). */
    private final ReentrantLock submitLock = new ReentrantLock();
    private final Object durableLock = new Object();
    /** Wakes a gathering writer early: someone waits for the commit ({@link #flush}) or the run ends. */
    private final Object gatherLock = new Object();
    private boolean hurry;
    private final Thread thread;
    private final StateJournal journal;
    private long submitted;
    private long durable;
    private volatile Exception failure;

    private final boolean powerSafe;
    /** A team store: marks must be committed before a "." ({@link #awaitDurable}), so commits do not wait to gather. */
    private final boolean sharedStore;
    private final long gatherMillis;
    /** Power-safe: the reservations whose recipient has no later state committed yet, by recipient, with their sequence. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Long> reservations = new java.util.concurrent.ConcurrentHashMap<>();

    /** powerSafe: flush the journal to disk continuously and sync every commit; otherwise leave syncing to SQLite. */
    public StateWriter(Database db, boolean powerSafe) {
        this(db, powerSafe, GATHER_MILLIS);
    }

    /** {@code gatherMillis}: how long updates gather before a SQLite commit (a team store never gathers). */
    StateWriter(Database db, boolean powerSafe, long gatherMillis) {
        this.db = db;
        this.powerSafe = powerSafe;
        this.sharedStore = db.dialect() == org.broadside.store.Dialect.POSTGRES;
        // A team store's senders wait for each commit, so the next one starts at once: what the connections submit
        // while it runs is the next batch (group commit without a gathering pause).
        this.gatherMillis = sharedStore ? 0 : gatherMillis;
        try {
            this.journal = StateJournal.createIn(db.journalDirectory(), powerSafe);
        } catch (IOException e) {
            throw new DeliveryStoreException("Cannot start the delivery journal in " + db.journalDirectory() + ": " + e.getMessage(), e);
        }
        this.thread = new Thread(this::loop, "broadside-state-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private record Item(long seq, Object payload) {}

    /** Queues a write without waiting; in crash-safe mode a state update is already safe from a kill on return. */
    public long submit(Object update) {
        checkHealthy();
        Object payload = update instanceof StateUpdate u ? values(u) : update;
        long seq = enqueue(payload);
        if (payload instanceof Object[] values) {
            // Outside the ordering lock: the journal has its own. Its order may differ from the sequence across
            // connections but never for one recipient, whose updates all come one after another from one thread.
            try {
                journal.append(seq, values);
            } catch (IOException e) {
                failure = e;
                checkHealthy();
            }
        }
        return seq;
    }

    /**
     * Like {@link #submit}, but the journal record waits for the calling thread's next journal write (or
     * {@link #writeHeld}), which carries both in one system call. For a receipt when the connection's next mark
     * follows at once: a kill in between leaves this recipient UNKNOWN, as its own mark says, and the next one not
     * yet marked, so a connection still leaves at most one UNKNOWN. SQLite gets the state as from {@link #submit}.
     */
    public long submitHeld(StateUpdate update) {
        checkHealthy();
        Object[] values = values(update);
        long seq = enqueue(values);
        journal.appendLater(seq, values);
        return seq;
    }

    /** Gives the payload the next sequence number and queues it for SQLite, in that order. */
    private long enqueue(Object payload) {
        submitLock.lock();
        try {
            long seq = ++submitted;
            queue.add(new Item(seq, payload));
            return seq;
        } finally {
            submitLock.unlock();
        }
    }

    /** True while the calling thread has a journal record kept back by {@link #submitHeld}. */
    public boolean holding() {
        return journal.holding();
    }

    /** Writes the calling thread's kept-back journal record now, if there is one. */
    public void writeHeld() {
        checkHealthy();
        try {
            journal.writeHeld();
        } catch (IOException e) {
            failure = e;
            checkHealthy();
        }
    }

    /**
     * Power-safe runs: records in the journal that this recipient may be sent soon, so that a power cut leaves it
     * UNKNOWN rather than PENDING (a kill leaves it as it was). {@code update} is the UNKNOWN state it would get. The
     * journal record waits for the calling thread's next journal write (a connection's next mark, usually), one
     * system call for both; {@link #awaitReserved(StateJournal.Kept)} writes it first if it is still waiting.
     */
    public StateJournal.Kept reserveLater(StateUpdate update) {
        checkHealthy();
        long seq;
        submitLock.lock();
        try {
            // Shares the last update's number: the journal keeps its segment until a later state of the recipient is
            // committed to SQLite (see the writer loop), and no flush waits for a number without a queued update.
            seq = submitted;
            reservations.put(update.recipientId(), seq);
        } finally {
            submitLock.unlock();
        }
        return journal.appendReservationLater(seq, values(update));
    }

    /**
     * Returns once a reservation from {@link #reserveLater} is on the disk; writes the calling thread's kept-back
     * records first if it is still among them. Only the thread that reserved it may call this.
     */
    public void awaitReserved(StateJournal.Kept reservation) throws InterruptedException {
        if (reservation.position() == 0) writeHeld();
        awaitReserved(reservation.position());
    }

    /**
     * Withdraws the reservation of a recipient handed back unsent: it no longer holds the journal, and a power cut
     * leaves it as SQLite has it once the returned position is on the disk.
     */
    public long cancelReservation(long recipientId) {
        checkHealthy();
        long seq;
        submitLock.lock();
        try {
            seq = submitted;
            reservations.remove(recipientId);
        } finally {
            submitLock.unlock();
        }
        try {
            return journal.appendCancellation(seq, recipientId);
        } catch (IOException e) {
            failure = e;
            checkHealthy();
            return 0;
        }
    }

    /** Returns once a reservation (or anything appended before it) is on the disk. */
    public void awaitReserved(long position) throws InterruptedException {
        checkHealthy();
        try {
            journal.awaitForced(position);
        } catch (IOException e) {
            failure = e;
            checkHealthy();
        }
    }

    /** The journal position on the disk: a reservation at or below it needs no wait. */
    public long reservedPosition() {
        return journal.forcedPosition();
    }

    /** The journal position after the last append of any thread (for counting what a power cut could lose). */
    public long lastJournalPosition() {
        return journal.writtenPosition();
    }

    /** Returns once everything queued so far is committed to SQLite. */
    public void flush() throws InterruptedException {
        long target;
        submitLock.lock();
        try {
            target = submitted;
        } finally {
            submitLock.unlock();
        }
        hurry();
        awaitCommitted(target);
    }

    /**
     * Returns once the state update with this sequence number, which the calling thread submitted, and all before it
     * would survive a kill. On SQLite at once: submit returned only after the journal had it (power-safe runs wait for
     * the reservation instead, {@link #awaitReserved}). On a team store once the store has committed it: another
     * process, on another machine, may take over the campaign's recipients after a kill, and it only knows what the
     * store knows. A recipient's UNKNOWN mark committed before its "." keeps it from being sent again by another
     * process; and as this connection's previous outcome was submitted before the mark, it is committed too.
     */
    public void awaitDurable(long seq) throws InterruptedException {
        checkHealthy();
        if (sharedStore) awaitCommitted(seq);
    }

    private void awaitCommitted(long seq) throws InterruptedException {
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
        Map<Long, Object[]> states = new LinkedHashMap<>();
        Map<Long, Long> stateSeqs = new java.util.HashMap<>();
        List<TeamStoreStateBatch.LogRow> logRows = new ArrayList<>();
        boolean clean = false;
        long lastSync = System.nanoTime();
        try (Connection c = db.connect(); SessionReset reset = new SessionReset(c, sharedStore)) {
            if (db.dialect() == org.broadside.store.Dialect.SQLITE) tuneSqlite(c);
            if (sharedStore) {
                // One round trip saved per commit; SessionReset undoes it before the connection goes back to the pool.
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET synchronous_commit = off");
                    // The batch statement's arrays make every custom plan the same nested loop over the primary key:
                    // planning it again at each execution cost more than running it.
                    st.execute("SET plan_cache_mode = force_generic_plan");
                }
            }
            // A team store writes each batch as one statement that commits by itself (one round trip, see
            // TeamStoreStateBatch); SQLite commits a transaction of JDBC batches.
            c.setAutoCommit(sharedStore);
            try (TeamStoreStateBatch team = sharedStore ? new TeamStoreStateBatch(c) : null;
                 PreparedStatement state = c.prepareStatement(RecipientStateStatement.SQL);
                 PreparedStatement log = c.prepareStatement(
                         "INSERT INTO connection_log(run_id, connection_no, at, direction, line, recipient_id) VALUES (?,?,?,?,?,?)")) {
                boolean running = true;
                while (running) {
                    Object first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) continue;
                    if (first != STOP && gatherMillis > 0) gather();
                    batch.clear();
                    logRows.clear();
                    states.clear();
                    stateSeqs.clear();
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH);
                    long last = 0;
                    boolean hasLog = false;
                    for (Object o : batch) {
                        if (o == STOP) {
                            running = false;
                            continue;
                        }
                        Item item = (Item) o;
                        last = item.seq();
                        if (item.payload() instanceof Object[] u) {
                            // Only the last state of a recipient in this batch reaches the row; earlier ones are folded in.
                            states.merge((Long) u[RecipientStateStatement.RECIPIENT_ID], u, RecipientStateStatement::fold);
                            stateSeqs.put((Long) u[RecipientStateStatement.RECIPIENT_ID], item.seq());
                        } else if (item.payload() instanceof LogBlocks.Block b) {
                            addLog(log, logRows, b.runId(), b.connection(), b.at(), LogBlocks.DIRECTION, b.encoded(), b.recipientId());
                            hasLog = true;
                        } else if (item.payload() instanceof LogLine l) {
                            addLog(log, logRows, l.runId(), l.connection(), l.at(), l.direction().name(), l.text(), l.recipientId());
                            hasLog = true;
                        }
                    }
                    boolean synced = !sharedStore || !running || System.nanoTime() - lastSync >= SYNC_EVERY_NANOS;
                    if (sharedStore) {
                        writeTeamBatch(c, team, states, logRows, synced);
                    } else {
                        if (hasLog) log.executeBatch();
                        if (!states.isEmpty()) {
                            for (Object[] u : states.values()) {
                                RecipientStateStatement.bind(state, u);
                                state.addBatch();
                            }
                            state.executeBatch();
                        }
                        c.commit();
                    }
                    if (synced) lastSync = System.nanoTime();
                    if (last > 0) {
                        long open = settleReservations(stateSeqs);
                        // A commit not yet on the server's disk may still be lost with the server: keep it in the journal.
                        if (synced) journal.releaseUpTo(Math.min(last, open - 1));
                        synchronized (durableLock) {
                            durable = last;
                            durableLock.notifyAll();
                        }
                    }
                }
                clean = true;
            }
        } catch (SQLException | IOException | RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = e;
            Thread.currentThread().interrupt();
        } finally {
            closeJournal(clean);
            synchronized (durableLock) {
                durableLock.notifyAll();
            }
        }
    }

    /**
     * Puts a team-store connection's session back as the pool handed it out (synchronous commits) when the writer is
     * done with it: the pool does not reset settings, and the next borrower's commits must wait for the disk.
     */
    private record SessionReset(Connection c, boolean active) implements AutoCloseable {
        @Override
        public void close() {
            if (!active) return;
            try {
                // The writer may stop with a transaction open (a failed synced batch) or in autocommit.
                if (!c.getAutoCommit()) c.rollback();
                c.setAutoCommit(true);
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("RESET synchronous_commit");
                    st.execute("RESET plan_cache_mode");
                }
            } catch (SQLException e) {
                // A broken connection: the pool drops it anyway.
            }
        }
    }

    /** The writer connection's SQLite settings; a team store's commits are the server's business. */
    private void tuneSqlite(Connection c) throws SQLException {
        if (!powerSafe) {
            // Power-safe keeps FULL: a journal segment is deleted once SQLite has its updates, which must then be on the disk.
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
    }

    /**
     * Forgets the reservations whose recipient now has a later state committed, and returns the lowest sequence of
     * those still open (Long.MAX_VALUE when none): the journal must keep it until then.
     */
    private long settleReservations(Map<Long, Long> committed) {
        if (reservations.isEmpty()) return Long.MAX_VALUE;
        for (Map.Entry<Long, Long> e : committed.entrySet()) {
            long stateSeq = e.getValue();
            // A reservation made after this state was submitted (a retry of the recipient) stays.
            reservations.computeIfPresent(e.getKey(), (k, seq) -> seq < stateSeq ? null : seq);
        }
        long lowest = Long.MAX_VALUE;
        for (long seq : reservations.values()) lowest = Math.min(lowest, seq);
        return lowest;
    }

    /** After a clean stop everything is in SQLite and the journal goes; otherwise it stays for the next start's replay. */
    private void closeJournal(boolean clean) {
        try {
            if (clean) journal.close(); else journal.abandon();
        } catch (IOException e) {
            if (failure == null) failure = e;
        }
    }

    /**
     * One batch on a team store: a single self-committing statement, except every {@link #SYNC_EVERY_NANOS} (and at
     * the end) when the same statement runs in a transaction whose commit waits for the server's disk.
     */
    private static void writeTeamBatch(Connection c, TeamStoreStateBatch team, Map<Long, Object[]> states,
                                       List<TeamStoreStateBatch.LogRow> logs, boolean synced) throws SQLException {
        if (!synced) {
            if (!states.isEmpty() || !logs.isEmpty()) team.write(states.values(), logs);
            return;
        }
        c.setAutoCommit(false);
        try (java.sql.Statement st = c.createStatement()) {
            // The session commits without waiting for the disk (set when the writer starts); this one waits.
            st.execute("SET LOCAL synchronous_commit = on");
        }
        team.write(states.values(), logs);
        c.commit();
        c.setAutoCommit(true);
    }

    /** A log line for the batch: bound to SQLite's statement, or kept for the team store's single statement. */
    private void addLog(PreparedStatement log, List<TeamStoreStateBatch.LogRow> rows, long runId, int connection, long at,
                        String direction, String line, long recipientId) throws SQLException {
        if (sharedStore) {
            rows.add(new TeamStoreStateBatch.LogRow(runId, connection, at, direction, line, recipientId > 0 ? recipientId : null));
        } else {
            bindLog(log, runId, connection, at, direction, line, recipientId);
        }
    }

    private static void bindLog(PreparedStatement log, long runId, int connection, long at, String direction, String line,
                                long recipientId) throws SQLException {
        log.setLong(1, runId);
        log.setInt(2, connection);
        log.setLong(3, at);
        log.setString(4, direction);
        log.setString(5, line);
        if (recipientId > 0) log.setLong(6, recipientId); else log.setNull(6, Types.INTEGER);
        log.addBatch();
    }

    /** The statement's parameters for one update, in {@link RecipientStateStatement} order. */
    static Object[] values(StateUpdate u) {
        return new Object[] {
                u.state().name(), u.code() > 0 ? u.code() : null, u.enhancedCode(), u.reply(), u.queueId(), u.attempts(),
                u.nextAttemptAt(), u.firstAttemptAt(), u.account(), u.messageId(), u.runId() > 0 ? u.runId() : null,
                u.connection() > 0 ? u.connection() : null, u.reason(), u.at(), u.recipientId()};
    }

    /** Lets updates gather for {@link #GATHER_MILLIS}, or less when {@link #hurry} is called meanwhile. */
    private void gather() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(gatherMillis);
        synchronized (gatherLock) {
            long left;
            while (!hurry && (left = deadline - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.timedWait(gatherLock, left);
            hurry = false;
        }
    }

    private void hurry() {
        synchronized (gatherLock) {
            hurry = true;
            gatherLock.notifyAll();
        }
    }

    /** Writes what is queued, then stops the writer thread. */
    @Override
    public void close() throws InterruptedException {
        queue.add(STOP);
        hurry();
        thread.join(60_000);
        checkHealthy();
    }
}

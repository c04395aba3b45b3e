package org.broadside.store;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

/**
 * An append-only file of recipient state updates that makes a state safe against a crash or kill of Broadside the
 * moment {@link #append} returns: the bytes are in the operating system's hands, one write call, no SQLite commit and
 * no hand-off to another thread. The delivery engine's state writer applies the same updates to SQLite in large
 * batches afterwards and deletes a segment once everything in it is committed; whatever a killed process left behind
 * is replayed into SQLite by {@link #replay} when the database is next opened, before anyone reads a state.
 *
 * <p>Each segment file is locked by its writer for as long as it exists, so a second process opening the database
 * during a send never replays (and never deletes) a journal that is still being written.
 *
 * <p>A journal created {@link #create(Path, boolean) forced} also serves power-safe runs: a syncer thread flushes it
 * to disk continuously (one {@code fdatasync} covers whatever every connection appended meanwhile) and
 * {@link #awaitForced} says when an append has reached the disk. Such runs append {@link #appendReservationLater
 * reservations}: "this recipient may be sent soon". They matter only after a power cut, which loses what was appended
 * after the last flush: a replay in a later boot of the machine applies a reservation as UNKNOWN (unless a newer
 * state follows), a replay in the same boot (a kill: the operating system kept every write) ignores it. Segment
 * names carry the boot they were written in.
 */
public final class StateJournal implements AutoCloseable {
    public static final String DIRECTORY = "journal";
    private static final String SUFFIX = ".journal";
    private static final long SEGMENT_BYTES = 4L << 20;
    private static final byte NULL = 0, STRING = 1, INT = 2, LONG = 3;

    private final Path directory;
    private final String stamp;
    private final ArrayDeque<Segment> retired = new ArrayDeque<>();
    private Segment current;
    private int segmentNumber;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(16 * 1024);
    private final CRC32 crc = new CRC32();
    /** Records a thread keeps back until its next append (see {@link #appendLater}). */
    private final ThreadLocal<Hold> holds = ThreadLocal.withInitial(Hold::new);
    /**
     * Bytes appended so far (over all segments), changed under the lock; volatile so that {@link #writtenPosition},
     * asked after every message by every connection, reads it without taking the lock the appends contend for.
     */
    private volatile long written;
    /** Forced journals: bytes known to be on the disk; changed under forcedLock, read without it (see written). */
    private volatile long forced;
    private final Object forcedLock = new Object();
    /** Waiters knock here so an idle syncer does not sleep out its poll interval. */
    private final Object syncRequest = new Object();
    /** Threads blocked in {@link #awaitForced}; while none is, the syncer leaves a gap between flushes. */
    private int waiting;
    /**
     * The pause after a flush when nobody waits for the next one: reservations are written a window ahead, so a
     * connection rarely waits, and flushing back to back (~250 a second on a 4 ms disk) cost the syncer's system
     * time and the disk's attention for marks nobody needed yet. A waiter ends the pause at once.
     */
    static final long FLUSH_GAP_MILLIS = 6;
    private final boolean forcing;
    private Thread syncer;
    private volatile IOException syncFailure;
    private volatile boolean closing;
    private static volatile ForceListener forceListener;

    /** Told after each flush to disk of a forced journal: the power-cut simulation's view of what a cut would keep. */
    public interface ForceListener {
        /** {@code file}'s first {@code bytes} bytes are on the disk. */
        void forced(Path file, long bytes);
    }

    /** Installs (or with null removes) the listener of every forced journal's flushes; for tests. */
    public static void onForce(ForceListener listener) {
        forceListener = listener;
    }

    /** One segment file, locked by this writer while it exists. */
    private static final class Segment {
        final Path file;
        final FileChannel channel;
        long size;
        /** The highest sequence number in it (appends from several threads may arrive slightly out of order). */
        long maxSeq;

        Segment(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }
    }

    /** One thread's records kept back for its next write: encoded, in write mode. */
    private static final class Hold {
        ByteBuffer bytes = ByteBuffer.allocateDirect(1024);
        final CRC32 crc = new CRC32();
        final ByteBuffer[] pair = new ByteBuffer[2];
        long maxSeq;
        /** The kept-back reservations, told their position when written. */
        final ArrayList<Kept> kept = new ArrayList<>();
    }

    /**
     * A reservation kept back by {@link #appendReservationLater}: the journal position after the write that carried
     * it, 0 while it waits. Read by the thread that kept it, which is also the only one that writes it.
     */
    public static final class Kept {
        private long position;

        /** The position to pass to {@link #awaitForced}; 0 while the record is still kept back. */
        public long position() {
            return position;
        }
    }

    /** A lock that parks rather than spins: many sending threads append, each holding it for one write call. */
    private final ReentrantLock lock = new ReentrantLock();

    private StateJournal(Path directory, boolean forcing) {
        this.directory = directory;
        this.forcing = forcing;
        // Names sort by start time, so a replay applies older runs' journals first.
        this.stamp = String.format("%013d-%08x", System.currentTimeMillis(), ThreadLocalRandom.current().nextInt());
    }

    /** Starts a new journal in the data directory's journal folder. */
    public static StateJournal create(Path dataDirectory) throws IOException {
        return create(dataDirectory, false);
    }

    /**
     * The folder of the journals of sends to one store: {@code journal/} for this machine's SQLite file, and
     * {@code journal/team-HOST_PORT_DATABASE/} for a team store (null: SQLite). Each store replays only its own folder,
     * so a killed send's states never land in another store, whose recipient ids mean other people.
     */
    public static Path folder(Path dataDirectory, TeamStore team) {
        Path journals = dataDirectory.resolve(DIRECTORY);
        return team == null ? journals : journals.resolve(teamFolderName(team));
    }

    /** "team-db.acme.example_5432_broadside": the store's host, port (5432 when the URL leaves it out) and database. */
    static String teamFolderName(TeamStore team) {
        String where = team.describe();
        int slash = where.indexOf('/');
        String hosts = where.substring(0, slash);
        boolean portGiven = hosts.contains(",") || hosts.lastIndexOf(':') > hosts.lastIndexOf(']');
        if (!portGiven) hosts += ":5432";
        String name = (hosts + "/" + where.substring(slash + 1)).toLowerCase(java.util.Locale.ROOT);
        return "team-" + name.replaceAll("[^a-z0-9.-]", "_");
    }

    /** Starts a new journal in {@code folder} (see {@link #folder}); forced as in {@link #create(Path, boolean)}. */
    public static StateJournal createIn(Path folder, boolean forced) throws IOException {
        Files.createDirectories(folder);
        StateJournal j = new StateJournal(folder, forced);
        j.current = j.openSegment();
        if (forced) {
            j.syncer = new Thread(j::syncLoop, "broadside-journal-sync");
            j.syncer.setDaemon(true);
            j.syncer.start();
        }
        return j;
    }

    /**
     * Starts a new journal; {@code forced}: a syncer thread keeps flushing it to disk and {@link #awaitForced} waits
     * for that (power-safe runs).
     */
    public static StateJournal create(Path dataDirectory, boolean forced) throws IOException {
        return createIn(folder(dataDirectory, null), forced);
    }

    /**
     * Appends one update (see {@link RecipientStateStatement} for the values) with its sequence number. Once this
     * returns, a kill of the process cannot lose it. Not for concurrent use without the caller's own ordering.
     */
    public long append(long seq, Object[] values) throws IOException {
        return write(seq, seq, values);
    }

    /**
     * Like {@link #append}, but the record stays with the calling thread and goes to the file with that thread's next
     * append (one write call for both) or {@link #writeHeld}. Until then a kill loses it: for a connection's receipt
     * whose next recipient's mark follows at once (the recipient stays UNKNOWN, as its mark says, if the process dies
     * in between).
     */
    public void appendLater(long seq, Object[] values) {
        keep(seq, seq, values);
    }

    /** Encodes a record into the calling thread's hold; {@code storedSeq} is what the file says (see below). */
    private Hold keep(long seq, long storedSeq, Object[] values) {
        Hold h = holds.get();
        h.bytes = encodeRecord(h.bytes, h.crc, storedSeq, values);
        h.maxSeq = Math.max(h.maxSeq, seq);
        return h;
    }

    /**
     * A reservation of a recipient (an UNKNOWN update, see {@link RecipientStateStatement}): after a power cut it
     * stands for "perhaps sent", after a kill it is ignored. {@code seq} is the writer's last sequence number when it
     * was made; segments are released by it like any other record. It is kept back with the calling thread's records
     * (see {@link #appendLater}) for its next write: a power-safe connection reserves a window ahead, so the
     * reservation rides with the next mark instead of costing a write call of its own. Nothing is lost to a kill
     * meanwhile, and a power cut cannot show the recipient as sent: its "." waits for {@link #awaitForced} at the
     * returned record's position, which exists only once the record is written.
     */
    public Kept appendReservationLater(long seq, Object[] values) {
        if (values[0] == null) throw new IllegalArgumentException("a reservation needs a state");
        // Stored as a negative sequence number: the record format stays the same, older readers skip the number anyway.
        Hold h = keep(seq, -(seq + 1), values);
        Kept k = new Kept();
        h.kept.add(k);
        return k;
    }

    /** True while the calling thread keeps records back ({@link #appendLater}). */
    public boolean holding() {
        return holds.get().bytes.position() > 0;
    }

    /** Writes the records the calling thread kept back, if any; returns the position after them (as append does). */
    public long writeHeld() throws IOException {
        Hold h = holds.get();
        if (h.bytes.position() == 0) return writtenPosition();
        lock.lock();
        try {
            if (current == null) throw new IOException("the journal is closed");
            return writeLocked(h, null, 0);
        } finally {
            lock.unlock();
        }
    }

    private long write(long seq, long storedSeq, Object[] values) throws IOException {
        Hold h = holds.get();
        lock.lock();
        try {
            if (current == null) throw new IOException("the journal is closed");
            return writeLocked(h, encode(storedSeq, values), seq);
        } finally {
            lock.unlock();
        }
    }

    /** Writes the thread's held records, then {@code b} (null: none), in one call. */
    private long writeLocked(Hold h, ByteBuffer b, long seq) throws IOException {
        boolean held = h.bytes.position() > 0;
        long bytes = (held ? h.bytes.position() : 0) + (b == null ? 0 : b.remaining());
        if (current.size + bytes > SEGMENT_BYTES && current.size > 0) {
            // A retired segment is flushed whole first, so the syncer only ever has the current one to flush.
            if (forcing) current.channel.force(false);
            retired.add(current);
            current = openSegment();
        }
        if (held) {
            h.bytes.flip();
            if (b == null) {
                while (h.bytes.hasRemaining()) current.channel.write(h.bytes);
            } else {
                h.pair[0] = h.bytes;
                h.pair[1] = b;
                while (b.hasRemaining()) current.channel.write(h.pair);
            }
            h.bytes.clear();
            current.maxSeq = Math.max(current.maxSeq, h.maxSeq);
            h.maxSeq = 0;
        } else {
            while (b.hasRemaining()) current.channel.write(b);
        }
        current.size += bytes;
        if (b != null) current.maxSeq = Math.max(current.maxSeq, seq);
        long end = written + bytes;
        written = end;
        if (held && !h.kept.isEmpty()) {
            for (Kept k : h.kept) k.position = end;
            h.kept.clear();
        }
        return end;
    }

    /**
     * Returns once the journal is on the disk up to {@code position} (returned by an append). Forced journals only:
     * the syncer's flushes are shared by every thread waiting meanwhile (group commit).
     */
    public void awaitForced(long position) throws IOException, InterruptedException {
        synchronized (forcedLock) {
            if (forced >= position) return;
        }
        synchronized (syncRequest) {
            waiting++;
            syncRequest.notify(); // wakes a pausing syncer at once (it also looks every 2 ms by itself)
        }
        try {
            synchronized (forcedLock) {
                while (forced < position) {
                    if (syncFailure != null) throw new IOException("flushing the journal failed: " + syncFailure.getMessage(), syncFailure);
                    if (closing) throw new IOException("the journal is closed");
                    forcedLock.wait(100);
                }
            }
        } finally {
            synchronized (syncRequest) {
                waiting--;
            }
        }
    }

    /**
     * Withdraws the last reservation of a recipient handed back unsent: a replay after a power cut then leaves it as
     * SQLite has it. Stored as a reservation without a state.
     *
     * @return the position to pass to {@link #awaitForced}
     */
    public long appendCancellation(long seq, long recipientId) throws IOException {
        Object[] values = new Object[RecipientStateStatement.PARAMETERS];
        values[RecipientStateStatement.RECIPIENT_ID] = recipientId;
        return write(seq, -(seq + 1), values);
    }

    /** Bytes appended so far by every thread. */
    public long writtenPosition() {
        return written;
    }

    /** Bytes known to be on the disk (forced journals), for callers checking without waiting. */
    public long forcedPosition() {
        return forced;
    }

    private void syncLoop() {
        try {
            while (!closing) {
                long target;
                long size;
                Segment segment;
                lock.lock();
                try {
                    target = written;
                    segment = current;
                    size = segment == null ? 0 : segment.size;
                } finally {
                    lock.unlock();
                }
                if (segment == null) return;
                boolean idle;
                synchronized (forcedLock) {
                    idle = target <= forced;
                }
                if (idle) {
                    synchronized (syncRequest) {
                        syncRequest.wait(2);
                    }
                    continue;
                }
                try {
                    segment.channel.force(false);
                } catch (java.nio.channels.ClosedChannelException retiredMeanwhile) {
                    // Retired segments are flushed whole before they are retired: nothing of it is missing.
                }
                ForceListener l = forceListener;
                if (l != null) l.forced(segment.file, size);
                synchronized (forcedLock) {
                    forced = Math.max(forced, target);
                    forcedLock.notifyAll();
                }
                synchronized (syncRequest) {
                    if (waiting == 0 && !closing) syncRequest.wait(FLUSH_GAP_MILLIS);
                }
            }
        } catch (IOException e) {
            syncFailure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (forcedLock) {
                forcedLock.notifyAll();
            }
        }
    }

    private void stopSyncer() {
        closing = true;
        synchronized (forcedLock) {
            forcedLock.notifyAll();
        }
        synchronized (syncRequest) {
            syncRequest.notifyAll();
        }
        if (syncer != null) {
            try {
                syncer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Deletes the finished segments whose every update (up to {@code seq}) is committed to SQLite, oldest first. Only
     * a prefix is ever deleted, so whenever an update of a recipient is still in the journal, so are its later ones.
     */
    public void releaseUpTo(long seq) throws IOException {
        lock.lock();
        try {
            while (!retired.isEmpty() && retired.peekFirst().maxSeq <= seq) discard(retired.pollFirst());
        } finally {
            lock.unlock();
        }
    }

    /** Deletes every segment: call only when everything appended is committed to SQLite. */
    @Override
    public void close() throws IOException {
        stopSyncer();
        lock.lock();
        try {
            while (!retired.isEmpty()) discard(retired.pollFirst());
            if (current != null) discard(current);
            current = null;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the files but keeps them, as a kill would: for tests and for a writer that failed to commit. */
    public void abandon() throws IOException {
        stopSyncer();
        lock.lock();
        try {
            for (Segment s : retired) s.channel.close();
            retired.clear();
            if (current != null) current.channel.close();
            current = null;
        } finally {
            lock.unlock();
        }
    }

    private Segment openSegment() throws IOException {
        Path file = directory.resolve("states-" + stamp + "-" + BootId.CURRENT + "-" + String.format("%06d", ++segmentNumber) + SUFFIX);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileLock lock = ch.tryLock();
        if (lock == null) {
            ch.close();
            throw new IOException("the journal file " + file + " is locked by another process");
        }
        if (forcing) forceDirectory(); // a power cut must not lose the file's name with its flushed contents
        return new Segment(file, ch); // the lock lives as long as the channel
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notSupported) {
            // Windows cannot open a directory; NTFS journals the name itself.
        }
    }

    private static void discard(Segment s) throws IOException {
        s.channel.close();
        Files.deleteIfExists(s.file);
    }

    private ByteBuffer encode(long seq, Object[] values) {
        buffer.clear();
        buffer = encodeRecord(buffer, crc, seq, values);
        buffer.flip();
        return buffer;
    }

    /** Appends one record (length, sequence, values, CRC) at {@code out}'s position; returns {@code out}, or a larger copy. */
    private static ByteBuffer encodeRecord(ByteBuffer out, CRC32 crc, long seq, Object[] values) {
        int start = out.position();
        out = room(out, 16);
        out.position(start + 4); // length, filled in below
        out.putLong(seq);
        for (Object v : values) {
            out = room(out, 16);
            if (v == null) {
                out.put(NULL);
            } else if (v instanceof String str) {
                byte[] bytes = str.getBytes(StandardCharsets.UTF_8);
                out = room(out, bytes.length + 16);
                out.put(STRING).putInt(bytes.length).put(bytes);
            } else if (v instanceof Integer n) {
                out.put(INT).putInt(n);
            } else if (v instanceof Long n) {
                out.put(LONG).putLong(n);
            } else {
                throw new IllegalArgumentException("unsupported value type " + v.getClass().getSimpleName());
            }
        }
        out = room(out, 4);
        int end = out.position();
        crc.reset();
        ByteBuffer body = out.duplicate();
        body.position(start + 4).limit(end);
        crc.update(body);
        out.putInt((int) crc.getValue());
        out.putInt(start, end - start - 4);
        return out;
    }

    /** {@code b}, or a copy with at least {@code extra} bytes free after its position. */
    private static ByteBuffer room(ByteBuffer b, int extra) {
        if (b.remaining() >= extra) return b;
        ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(b.capacity() * 2, b.position() + extra + 64));
        b.flip();
        bigger.put(b);
        return bigger;
    }

    // ---- recovery -----------------------------------------------------------------------------------

    /**
     * Applies the journals a crashed or killed process left in the data directory to SQLite, in the order they were
     * written, in one transaction, then deletes them. Journals still locked by a live writer are left alone. A torn
     * last record (the process died inside the write) is ignored: the engine waits for the write before it goes on,
     * so nothing was sent on its strength.
     *
     * @return the number of updates applied
     */
    public static int replay(Connection c, Path dataDirectory) throws SQLException, IOException {
        return replayFrom(c, folder(dataDirectory, null));
    }

    /**
     * Like {@link #replay} for the journals of one store's {@link #folder}: only its segment files, never the
     * folders of other stores inside it.
     */
    public static int replayFrom(Connection c, Path dir) throws SQLException, IOException {
        if (!Files.isDirectory(dir)) return 0;
        // Reservations become UNKNOWN updates; a cancelled one is nulled out (see readRecords).
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : ds) files.add(p);
        }
        Collections.sort(files);
        List<FileChannel> held = new ArrayList<>();
        List<Path> claimed = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        java.util.Map<Long, Integer> reservations = new java.util.HashMap<>();
        try {
            for (Path f : files) {
                FileChannel ch;
                try {
                    ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } catch (NoSuchFileException gone) {
                    continue; // its writer finished and deleted it meanwhile
                }
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException inThisProcess) {
                    lock = null;
                }
                if (lock == null) {
                    ch.close(); // a live writer owns it
                    continue;
                }
                if (ch.size() == 0 && Files.getLastModifiedTime(f).toMillis() > System.currentTimeMillis() - 60_000) {
                    // A writer creates a segment and then locks it: a fresh empty file may be one between the two.
                    // It holds nothing to replay; leave it (an old empty one is a killed writer's and goes below).
                    lock.release();
                    ch.close();
                    continue;
                }
                held.add(ch);
                claimed.add(f);
                readRecords(ch, updates, reservations, BootId.isCurrent(f.getFileName().toString()));
            }
            if (!updates.isEmpty()) {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement(RecipientStateStatement.REPLAY_SQL)) {
                    for (Object[] u : updates) {
                        if (u == null) continue;
                        RecipientStateStatement.bind(p, u);
                        p.setLong(RecipientStateStatement.PARAMETERS + 1, (Long) u[RecipientStateStatement.UPDATED_AT]);
                        p.addBatch();
                    }
                    p.executeBatch();
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            }
        } finally {
            for (FileChannel ch : held) ch.close();
        }
        for (Path f : claimed) Files.deleteIfExists(f);
        return (int) updates.stream().filter(java.util.Objects::nonNull).count();
    }

    private static void readRecords(FileChannel ch, List<Object[]> into, java.util.Map<Long, Integer> reservations,
                                    boolean sameBoot) throws IOException {
        long size = ch.size();
        if (size == 0) return;
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE));
        while (all.hasRemaining() && ch.read(all, all.position()) > 0) { /* positional reads until full */ }
        all.flip();
        CRC32 crc = new CRC32();
        while (all.remaining() >= 4) {
            int start = all.position();
            int length = all.getInt();
            if (length < 8 || length + 4 > all.remaining()) return; // torn tail
            ByteBuffer body = all.slice(start + 4, length);
            crc.reset();
            crc.update(body.duplicate());
            int stored = all.getInt(start + 4 + length);
            if ((int) crc.getValue() != stored) return; // torn or damaged: nothing after it can be trusted
            try {
                boolean reservation = body.getLong(body.position()) < 0;
                Object[] values = decode(body);
                Long recipient = (Long) values[RecipientStateStatement.RECIPIENT_ID];
                if (!reservation) {
                    into.add(values);
                } else if (sameBoot) {
                    // A kill: the operating system kept every later write, so a reservation stands for nothing.
                } else if (values[0] != null) {
                    reservations.put(recipient, into.size());
                    into.add(values);
                } else {
                    // A cancellation: the recipient went back to the queue unsent; its reservation is void.
                    Integer at = reservations.remove(recipient);
                    if (at != null) into.set(at, null);
                }
            } catch (BufferUnderflowException | IllegalArgumentException damaged) {
                return;
            }
            all.position(start + 4 + length + 4);
        }
    }

    private static Object[] decode(ByteBuffer b) {
        b.getLong(); // sequence number (negative for a reservation): the file order already is the order
        Object[] values = new Object[RecipientStateStatement.PARAMETERS];
        for (int i = 0; i < values.length; i++) {
            byte tag = b.get();
            values[i] = switch (tag) {
                case NULL -> null;
                case STRING -> {
                    byte[] bytes = new byte[b.getInt()];
                    b.get(bytes);
                    yield new String(bytes, StandardCharsets.UTF_8);
                }
                case INT -> b.getInt();
                case LONG -> b.getLong();
                default -> throw new IllegalArgumentException("unknown value tag " + tag);
            };
        }
        if (b.hasRemaining()) throw new IllegalArgumentException("trailing bytes in a journal record");
        return values;
    }
}

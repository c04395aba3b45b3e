package org.broadside.store;

import org.broadside.events.AppEvent;
import org.broadside.events.AppEvents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The embedded SQLite database of one data directory. Hands out connections configured alike:
 * WAL (readers never block the delivery writer), synchronous=FULL (a recorded delivery state survives
 * a power cut), foreign keys on, and a busy timeout so short write contention waits instead of failing.
 */
public final class Database {
    public static final String FILE_NAME = "broadside.db";
    /** The page size of databases created from now on (ADR 0022); existing databases keep theirs. */
    static final int PAGE_SIZE = 16384;

    private final Path directory;
    private final String url;
    private final AppEvents events = new AppEvents();
    private final String writerId = UUID.randomUUID().toString();

    private Database(Path directory) {
        this.directory = directory;
        this.url = "jdbc:sqlite:" + directory.resolve(FILE_NAME);
    }

    /** Opens (creating if needed) the database in this directory and brings its schema up to date. */
    public static Database open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
        SqliteNativeLibrary.prepare(directory);
        Database db = new Database(directory);
        try (Connection c = db.connect()) {
            Migrations.migrate(c);
        } catch (SQLException e) {
            throw new StoreException("Cannot open the database in " + directory + ": " + e.getMessage(), e);
        }
        // A send that was killed may have recorded its last states only in its journal: apply them before anyone reads.
        db.replayStateJournals();
        return db;
    }

    public Path directory() { return directory; }

    /**
     * Applies the state journals that crashed or killed sends left behind (see {@link StateJournal#replay}). Runs at
     * open, and again before every run, because a process that opened the database earlier (the desktop app) may
     * start a send after another process (a command-line send) was killed.
     */
    public void replayStateJournals() {
        try (Connection c = connect()) {
            StateJournal.replay(c, directory);
        } catch (SQLException | IOException e) {
            throw new StoreException("Cannot apply the delivery journal in " + directory.resolve(StateJournal.DIRECTORY)
                    + " (left in place, nothing was lost): " + e.getMessage(), e);
        }
    }

    public Path file() { return directory.resolve(FILE_NAME); }

    /** A new connection; the caller closes it. Use one per thread. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            // Only a new, empty database takes it (SQLite ignores it afterwards): a page per write call four times
            // the default size is a quarter of the system calls, which were half of a big import's time.
            s.execute("PRAGMA page_size=" + PAGE_SIZE);
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=30000");
            s.execute("PRAGMA temp_store=MEMORY");
            s.execute("PRAGMA cache_size=-32000");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Runs work in one transaction on a fresh connection; rolls back on any failure so nothing is half-written. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("A database operation failed: " + e.getMessage(), e);
        }
    }

    /** The bus on which this database's repositories (and its {@link StoreWatcher}) announce committed changes. */
    public AppEvents events() { return events; }

    /** Identifies this instance's writes in {@code store_changes}, so its watcher can tell them from other processes'. */
    String writerId() { return writerId; }

    /**
     * Runs a write in one transaction, marks its kind of data changed (so other processes' watchers see it) and,
     * once committed, publishes {@code event}. A failed write publishes nothing.
     */
    public <T> T write(AppEvent event, SqlWork<T> work) {
        T result = inTransaction(c -> {
            T r = work.run(c);
            markChanged(c, event);
            return r;
        });
        events.publish(event);
        return result;
    }

    /**
     * For writes that manage their own transaction: marks the change inside it. The caller publishes the event on
     * {@link #events()} after the commit.
     */
    public void markChanged(Connection c, AppEvent event) throws SQLException {
        StoreChanges.bump(c, StoreChanges.Topic.of(event), writerId);
    }

    /** Runs read-only work on a fresh connection. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("Reading the database failed: " + e.getMessage(), e);
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}

package org.broadside.store;

import org.broadside.events.AppEvent;
import org.broadside.events.AppEvents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The store of one data directory: its embedded SQLite database (the default), or a team store on PostgreSQL that
 * several desktops and command lines share (ADR 0023). Either way the data directory holds what stays on this machine:
 * delivery journals, the credential store, the Sandbox.
 *
 * <p>SQLite connections are configured alike: WAL (readers never block the delivery writer), synchronous=FULL (a
 * recorded delivery state survives a power cut), foreign keys on, and a busy timeout so short write contention waits
 * instead of failing. Team store connections come from a small pool (a new PostgreSQL connection costs a process on
 * the server and an authentication round trip; the app opens one per read).
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "broadside.db";
    /** The page size of databases created from now on (ADR 0022); existing databases keep theirs. */
    static final int PAGE_SIZE = 16384;

    private final Path directory;
    private final String url;
    private final Dialect dialect;
    private final TeamStore team;
    private final HikariDataSource pool;
    private final AppEvents events = new AppEvents();
    private final String writerId = UUID.randomUUID().toString();

    private Database(Path directory) {
        this.directory = directory;
        this.url = "jdbc:sqlite:" + directory.resolve(FILE_NAME);
        this.dialect = Dialect.SQLITE;
        this.team = null;
        this.pool = null;
    }

    private Database(Path directory, TeamStore team) {
        this.directory = directory;
        this.url = team.url();
        this.dialect = Dialect.POSTGRES;
        this.team = team;
        this.pool = new HikariDataSource(poolConfig(team));
    }

    private static HikariConfig poolConfig(TeamStore team) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("broadside-team-store");
        config.setJdbcUrl(team.url());
        if (team.user() != null) config.setUsername(team.user());
        if (team.password() != null) config.setPassword(team.password());
        Properties p = new Properties();
        // Batches of inserts become multi-row statements: a receipt or a contact per round trip would be far too slow.
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("ApplicationName", "Broadside");
        config.setDataSourceProperties(p);
        config.setMaximumPoolSize(12);
        config.setMinimumIdle(1);
        // Fail an unreachable server within seconds, with the driver's reason, instead of the pool's 30 s default.
        config.setConnectionTimeout(Long.getLong("broadside.storeConnectTimeoutMillis", 10_000));
        config.setInitializationFailTimeout(-1);
        return config;
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

    /**
     * Opens the team store (creating its schema on first use, bringing it up to date) for the data directory
     * {@code directory}, which keeps this machine's journals and secrets. Refuses a store that is unreachable, that
     * refuses the login, or that a newer Broadside wrote, naming which.
     */
    public static Database openTeam(Path directory, TeamStore team) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
        Database db = new Database(directory, team);
        try (Connection c = db.connect()) {
            Migrations.migrate(c);
        } catch (SQLException e) {
            db.close();
            throw new StoreException("Cannot open the team store " + team.describe() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        db.replayStateJournals();
        return db;
    }

    public Path directory() { return directory; }

    /** The SQL engine behind this store. */
    public Dialect dialect() { return dialect; }

    /** The team store this is (null: this machine's SQLite file): another process's way to the same store. */
    public TeamStore team() { return team; }

    /** Whether this is a shared team store (PostgreSQL) rather than this machine's own SQLite file. */
    public boolean isTeamStore() { return team != null; }

    /** "this computer (DIR)" or "team store HOST:PORT/DB": what the title bar and {@code --verbose} show. Never a secret. */
    public String describe() {
        return team != null ? "team store " + team.describe() : "this computer (" + directory + ")";
    }

    /**
     * Applies the state journals that crashed or killed sends left behind (see {@link StateJournal#replay}). Runs at
     * open, and again before every run, because a process that opened the database earlier (the desktop app) may
     * start a send after another process (a command-line send) was killed.
     */
    public void replayStateJournals() {
        try (Connection c = connect()) {
            StateJournal.replayFrom(c, journalDirectory());
        } catch (SQLException | IOException e) {
            throw new StoreException("Cannot apply the delivery journal in " + journalDirectory()
                    + " (left in place, nothing was lost): " + e.getMessage(), e);
        }
    }

    /** Where the delivery journals of sends to this store are kept: a folder of its own per store (see StateJournal.folder). */
    public Path journalDirectory() {
        return StateJournal.folder(directory, team);
    }

    /** The SQLite file of this data directory (the team store has none). */
    public Path file() { return directory.resolve(FILE_NAME); }

    /** A new connection (on a team store, one from the pool); the caller closes it. Use one per thread. */
    public Connection connect() throws SQLException {
        if (pool != null) {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                throw new SQLException(teamStoreProblem(e), e.getSQLState(), e);
            }
        }
        // The driver itself rather than DriverManager, whose first use loads and starts every driver in the jar
        // (MySQL's starts a thread of its own): ~0.03 s of every command's start.
        Connection c = org.sqlite.JDBC.createConnection(url, new Properties());
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

    /** The driver's reason, without the pool's wrapping ("Connection is not available, request timed out"). */
    private String teamStoreProblem(SQLException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String reason = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        return "Cannot reach the team store " + team.describe() + ": " + reason;
    }

    /** Closes the team store's pool; nothing to do for SQLite, whose connections each caller closes. */
    @Override
    public void close() {
        if (pool != null) pool.close();
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}

package org.broadside.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.broadside.store.TeamStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server (zonky's embedded binaries, on loopback, started by the tests themselves) shared by every
 * team-store test of this JVM; each test gets an empty database of its own on it, so tests never see each other's data.
 */
public final class TeamStoreServer {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TeamStoreServer() {}

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = RootlessPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; zonky's own hook removes the data directory.
                }
            }, "team-store-server-stop"));
        }
        return server;
    }

    /** A new, empty database on the shared server, as a team store (user postgres, no password: trust on loopback). */
    public static TeamStore freshStore() {
        String name = "team_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name + ": " + e.getMessage(), e);
        }
        return new TeamStore(url(name), "postgres", null);
    }

    /** The JDBC URL of database {@code name} on the shared server. */
    public static String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + name;
    }
}

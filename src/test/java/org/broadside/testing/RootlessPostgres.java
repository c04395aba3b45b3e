package org.broadside.testing;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * Starts zonky's embedded PostgreSQL on loopback, also when the tests run as root (CI containers do), which
 * PostgreSQL refuses: initdb and pg_ctl in the unpacked binaries are replaced by wrappers that, only when
 * started by root, hand the data directory to an unprivileged user and run the real program as that user.
 */
public final class RootlessPostgres {
    public static final String USER = "broadside-pg";
    private static final Path WORK = Path.of("target", "embedded-pg").toAbsolutePath();

    /** Servers started by this JVM: each gets its own data directory. */
    private static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

    private RootlessPostgres() {}

    public static EmbeddedPostgres start() throws IOException {
        Files.createDirectories(WORK);
        if (isRoot()) {
            ensureUser();
            File binaries = unpack();
            wrap(binaries.toPath().resolve("bin"), "initdb");
            wrap(binaries.toPath().resolve("bin"), "pg_ctl");
        }
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(WORK.toFile())
                .setDataDirectory(WORK.resolve("data-" + ProcessHandle.current().pid() + "-" + STARTED.incrementAndGet()))
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", socketDirectory().toString())
                .setServerConfig("fsync", "off")
                // Tests of several processes sharing a team store open a pool per "process" (up to 12 connections).
                .setServerConfig("max_connections", "200")
                .start();
    }

    /** The server's Unix socket goes under target/ too; world-writable because the server may run as another user. */
    private static Path socketDirectory() throws IOException {
        Path dir = Files.createDirectories(WORK.resolve("sockets"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    public static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return out.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void ensureUser() throws IOException {
        if (run("id", "-u", USER) == 0) return;
        if (run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER) != 0) {
            throw new IOException("Could not create the user " + USER + " to run PostgreSQL as non-root");
        }
    }

    /** Uses zonky's own unpacking (private, hence reflection) so the wrapped binaries are the ones it will run. */
    private static File unpack() throws IOException {
        try {
            Method m = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            m.setAccessible(true);
            return (File) m.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, WORK.toFile());
        } catch (ReflectiveOperationException e) {
            throw new IOException("Cannot unpack the embedded PostgreSQL binaries: " + e, e);
        }
    }

    private static void wrap(Path bin, String program) throws IOException {
        Path real = bin.resolve(program + ".real");
        Path wrapper = bin.resolve(program);
        if (Files.exists(real)) return;
        Files.move(wrapper, real);
        String script = "#!/bin/sh\n"
                + "# PostgreSQL refuses to run as root: as root, give the data directory to " + USER + " and run as it.\n"
                + "if [ \"$(id -u)\" = \"0\" ]; then\n"
                + "  prev=\"\"\n"
                + "  for a in \"$@\"; do\n"
                + "    if [ \"$prev\" = \"-D\" ]; then mkdir -p \"$a\" && chown -R " + USER + " \"$a\"; fi\n"
                + "    prev=\"$a\"\n"
                + "  done\n"
                + "  exec runuser -u " + USER + " -- \"$0.real\" \"$@\"\n"
                + "fi\n"
                + "exec \"$0.real\" \"$@\"\n";
        Files.writeString(wrapper, script);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static int run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

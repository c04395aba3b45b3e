package org.broadside.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * Keeps SQLite's native library, unpacked once, under the data directory and points the JDBC driver at it. Left
 * alone, the driver unpacks the library into the temporary folder at every start, compares it byte by byte with
 * the jar's copy and runs {@code uname} to tell Android from Linux: about half a second of CPU in every command,
 * a tenth of a million-row import. The copy is named by the jar entry's CRC and size, so another driver version
 * gets its own copy; when anything here fails or the platform is not one we know, the driver loads as before.
 */
final class SqliteNativeLibrary {
    private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    static final String DIRECTORY = "native";
    private static boolean prepared;

    private SqliteNativeLibrary() {}

    /** Sets the driver's library path to the unpacked copy, once per process, before the first connection. */
    static synchronized void prepare(Path dataDirectory) {
        if (prepared) return;
        prepared = true;
        if (System.getProperty("org.sqlite.lib.path") != null) return;
        Path library = unpackedCopy(dataDirectory);
        if (library == null) return;
        System.setProperty("org.sqlite.lib.path", library.getParent().toAbsolutePath().toString());
        System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
    }

    /** The copy of this platform's library under the data directory, unpacked when missing; null when not possible. */
    static Path unpackedCopy(Path dataDirectory) {
        String folder = platformFolder();
        if (folder == null) return null;
        String name = System.mapLibraryName("sqlitejdbc");
        try {
            URL url = Database.class.getResource("/org/sqlite/native/" + folder + "/" + name);
            if (url == null) return null;
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) return null;
            JarEntry entry = jar.getJarEntry();
            if (entry.getCrc() < 0 || entry.getSize() < 0) return null;
            Path dir = dataDirectory.resolve(DIRECTORY)
                    .resolve("sqlite-" + Long.toHexString(entry.getCrc()) + "-" + entry.getSize());
            Path library = dir.resolve(name);
            if (!Files.isRegularFile(library) || Files.size(library) != entry.getSize()) {
                unpack(url, dir, library, entry.getCrc());
            }
            return library;
        } catch (IOException | RuntimeException e) {
            log.debug("SQLite's library stays with the driver's own loading: {}", e.toString());
            return null;
        }
    }

    /** Writes a temporary file, checks its CRC and renames it into place, so a half-written copy is never used. */
    private static void unpack(URL url, Path dir, Path library, long crc) throws IOException {
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, "sqlite", ".part");
        try {
            CRC32 check = new CRC32();
            try (InputStream in = url.openStream(); OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    check.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (check.getValue() != crc) throw new IOException("the unpacked library does not match the jar's CRC");
            Files.move(part, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * The driver's folder for this platform, or null where the driver must decide itself (musl and Android need
     * its own checks; other systems and processors are rare enough to leave to it).
     */
    static String platformFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (arch == null) return null;
        if (os.startsWith("linux")) {
            boolean plainGlibc = !System.getProperty("java.runtime.name", "").toLowerCase(Locale.ROOT).contains("android")
                    && !Files.exists(Path.of("/lib/ld-musl-" + arch + ".so.1"));
            return plainGlibc ? "Linux/" + arch : null;
        }
        if (os.startsWith("mac")) return "Mac/" + arch;
        if (os.startsWith("windows")) return "Windows/" + arch;
        return null;
    }
}

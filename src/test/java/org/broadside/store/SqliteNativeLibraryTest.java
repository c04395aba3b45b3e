package org.broadside.store;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** SQLite's library is unpacked once under the data directory, checked, and reused by the next start. */
class SqliteNativeLibraryTest {
    @Test
    void unpacksTheJarsLibraryOnceAndReusesIt() throws Exception {
        assumeTrue(SqliteNativeLibrary.platformFolder() != null, "a platform the driver decides for itself");
        Path data = TempDirs.create("native");
        Path library = SqliteNativeLibrary.unpackedCopy(data);
        assertThat(library).isNotNull().isRegularFile();
        assertThat(library.startsWith(data.resolve(SqliteNativeLibrary.DIRECTORY))).isTrue();
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(library));
        assertThat(library.getParent().getFileName().toString()).startsWith("sqlite-" + Long.toHexString(crc.getValue()) + "-");

        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(library, old);
        assertThat(SqliteNativeLibrary.unpackedCopy(data)).isEqualTo(library);
        assertThat(Files.getLastModifiedTime(library)).as("not written again").isEqualTo(old);
        try (var files = Files.list(library.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(library);
        }
    }

    @Test
    void aDamagedCopyIsReplaced() throws Exception {
        assumeTrue(SqliteNativeLibrary.platformFolder() != null, "a platform the driver decides for itself");
        Path data = TempDirs.create("native");
        Path library = SqliteNativeLibrary.unpackedCopy(data);
        long size = Files.size(library);
        Files.write(library, new byte[10]);
        assertThat(SqliteNativeLibrary.unpackedCopy(data)).isEqualTo(library);
        assertThat(Files.size(library)).isEqualTo(size);
    }
}

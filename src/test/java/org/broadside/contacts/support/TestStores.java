package org.broadside.contacts.support;

import org.broadside.store.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh SQLite stores for tests, under target/ so nothing leaks into the machine's temp directory. */
public final class TestStores {
    private TestStores() {}

    public static Database fresh() {
        try {
            Path base = Files.createDirectories(Path.of("target", "test-stores"));
            return Database.open(Files.createTempDirectory(base, "store"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

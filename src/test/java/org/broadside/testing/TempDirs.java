package org.broadside.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh directories under target/ (never the system temp folder), one per test. */
public final class TempDirs {
    private TempDirs() {}

    public static Path create(String prefix) {
        try {
            Path base = Path.of("target", "test-work").toAbsolutePath();
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix + "-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

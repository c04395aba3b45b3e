package org.broadside.ui.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Sandbox's port, remembered in a one-line file so it stays the same from one start to the next. */
final class SandboxPort {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxPort.class);
    private final Path file;

    SandboxPort(Path file) { this.file = file; }

    /** The port used last time, or 0 when there is none (first start, or an unreadable file). */
    int remembered() {
        try {
            int p = Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return p > 0 && p < 65536 ? p : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    void remember(int port) {
        try {
            Files.writeString(file, port + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // Not fatal: the Sandbox works on this port now and only picks another one next time.
            LOG.warn("The Sandbox port could not be remembered in " + file, e);
        }
    }
}

package org.broadside.ui.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The Sandbox's port, remembered in a one-line file so it stays the same from one start to the next. */
final class SandboxPort {
    private static final Logger LOG = Logger.getLogger(SandboxPort.class.getName());
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
            LOG.log(Level.WARNING, "The Sandbox port could not be remembered in " + file, e);
        }
    }
}

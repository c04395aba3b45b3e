package org.broadside.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remembered places of the app's windows, per screen layout, in a small properties file of the data directory
 * ("windows.properties": {@code 1920x1080+1280x1024/accounts=100,80,1000,700,normal}). Losing it only costs the
 * windows their places, so reading and writing problems are logged, never shown.
 */
public final class WindowPlacements {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacements.class);
    private final Path file;
    private final Properties values = new Properties();

    private WindowPlacements(Path file) {
        this.file = file;
    }

    /** The placements stored in {@code file}; none when it does not exist yet or cannot be read. */
    public static WindowPlacements load(Path file) {
        WindowPlacements p = new WindowPlacements(file);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Window places could not be read from " + file + "; windows open at their default size", e);
            }
        }
        return p;
    }

    /** Where the window called {@code window} was last left on this layout. */
    public synchronized Optional<WindowPlacement> find(String layout, String window) {
        return WindowPlacement.parse(values.getProperty(key(layout, window)));
    }

    /** Records a window's place and writes the file (a few hundred bytes, written when a window closes). */
    public synchronized void put(String layout, String window, WindowPlacement placement) {
        values.setProperty(key(layout, window), placement.format());
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(w, "Broadside window places per screen layout: x,y,width,height,normal|maximized");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Window places could not be saved to " + file, e);
        }
    }

    private static String key(String layout, String window) {
        return layout + "/" + window;
    }
}

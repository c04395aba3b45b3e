package org.broadside.ui.delivery;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Above how many recipients a campaign's first send asks for confirmation (default 100). Kept in
 * delivery-preferences.properties in the data directory: it is the user's habit, not a property of one campaign.
 */
final class ConfirmationThreshold {
    static final int DEFAULT = 100;
    static final String FILE = "delivery-preferences.properties";
    private static final String KEY = "confirmFirstSendAbove";
    private final Path file;

    ConfirmationThreshold(Path dataDirectory) {
        this.file = dataDirectory == null ? null : dataDirectory.resolve(FILE);
    }

    /** The stored threshold, or the default when there is none or it cannot be read. */
    int get() {
        if (file == null || !Files.isRegularFile(file)) return DEFAULT;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            return Math.max(0, Integer.parseInt(p.getProperty(KEY, String.valueOf(DEFAULT)).strip()));
        } catch (IOException | NumberFormatException e) {
            return DEFAULT;
        }
    }

    void set(int threshold) throws IOException {
        if (threshold < 0) throw new IllegalArgumentException("The number of recipients must be 0 or more, not " + threshold + ".");
        if (file == null) return;
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
        }
        p.setProperty(KEY, String.valueOf(threshold));
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "Broadside delivery preferences");
        }
    }
}

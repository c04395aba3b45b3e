package org.broadside.compose.testsend;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the test send remembers between uses, in a small file of the data directory: the test addresses last used
 * and whether the subject prefix was on. A missing or unreadable file gives the defaults (no address, prefix on).
 */
public final class TestSendPreferences {
    public static final String FILE_NAME = "test-send.properties";
    private static final Logger LOG = LoggerFactory.getLogger(TestSendPreferences.class);
    private final Path file;

    public TestSendPreferences(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
    }

    /** The remembered choices. */
    public record Choices(String addresses, boolean subjectPrefix) {}

    public Choices load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("The test send preferences in " + file + " could not be read; starting from the defaults", e);
            }
        }
        return new Choices(p.getProperty("addresses", ""), !"false".equals(p.getProperty("subjectPrefix")));
    }

    public void save(Choices choices) {
        Properties p = new Properties();
        p.setProperty("addresses", choices.addresses());
        p.setProperty("subjectPrefix", Boolean.toString(choices.subjectPrefix()));
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "Broadside: Send test");
            }
        } catch (IOException e) {
            // Not fatal: the test was sent; the addresses are only not offered again next time.
            LOG.warn("The test send preferences could not be saved in " + file, e);
        }
    }
}

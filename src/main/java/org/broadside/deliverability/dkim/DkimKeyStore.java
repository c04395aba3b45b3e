package org.broadside.deliverability.dkim;

import java.io.IOException;
import java.net.IDN;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The DKIM keys of the sending domains, kept as PEM files in the data directory: {@code dkim/<domain>/<selector>.pem}.
 * When a domain has several selectors, the most recently generated one signs (key rotation: publish the new record
 * first, then generate).
 */
public final class DkimKeyStore {
    private final Path root;

    public DkimKeyStore(Path dataDirectory) {
        this.root = dataDirectory.resolve("dkim");
    }

    public Path fileFor(String domain, String selector) {
        return root.resolve(ascii(domain)).resolve(selector + ".pem");
    }

    /** The signing key of a domain, if one was generated or imported. */
    public Optional<DkimKey> find(String domain) throws IOException, GeneralSecurityException {
        Path dir = root.resolve(ascii(domain));
        if (!Files.isDirectory(dir)) return Optional.empty();
        Path newest;
        try (Stream<Path> files = Files.list(dir)) {
            newest = files.filter(f -> f.getFileName().toString().endsWith(".pem"))
                    .max(Comparator.comparing(DkimKeyStore::modified)).orElse(null);
        }
        if (newest == null) return Optional.empty();
        String selector = newest.getFileName().toString().replaceFirst("\\.pem$", "");
        return Optional.of(DkimKey.load(ascii(domain), selector, newest));
    }

    /** The domains that have at least one key, in alphabetical order. */
    public java.util.List<String> domains() throws IOException {
        if (!Files.isDirectory(root)) return java.util.List.of();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isDirectory(d) && hasKey(d)).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /** When the signing key of a domain was generated (its file's time), if it has one. */
    public Optional<java.time.Instant> created(DkimKey key) {
        Path file = fileFor(key.domain(), key.selector());
        return Files.exists(file) ? Optional.of(java.time.Instant.ofEpochMilli(modified(file))) : Optional.empty();
    }

    /**
     * Generates a key, replacing the file of the same selector if there is one (the caller has asked the user):
     * a selector names one key, so its old key cannot stay beside the new one.
     */
    public DkimKeys.GeneratedKey replace(String domain, String selector, DkimKeyType type) throws IOException, GeneralSecurityException {
        Files.deleteIfExists(fileFor(domain, selector));
        return generate(domain, selector, type);
    }

    private static boolean hasKey(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".pem"));
        } catch (IOException e) {
            return false;
        }
    }

    public DkimKeys.GeneratedKey generate(String domain, String selector, DkimKeyType type) throws IOException, GeneralSecurityException {
        Path file = fileFor(domain, selector);
        Files.createDirectories(file.getParent());
        return DkimKeys.generate(ascii(domain), selector, type, file);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static String ascii(String domain) {
        return IDN.toASCII(domain.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }
}

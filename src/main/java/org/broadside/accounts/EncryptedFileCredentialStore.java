package org.broadside.accounts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Secrets in {@code credentials.enc} of the data directory, encrypted with AES-256-GCM under a key derived
 * from the user's passphrase (PBKDF2-HMAC-SHA256, random salt in the header). Every change re-reads the file
 * under a lock and replaces it atomically, so the GUI and the CLI can share it and a crash never leaves half a file.
 */
public final class EncryptedFileCredentialStore implements CredentialStore {
    public static final String FILE_NAME = "credentials.enc";
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();
    public static final int MIN_NEW_PASSPHRASE = 8;

    private final Path file;
    private final Path lockFile;
    private final CredentialCipher cipher;

    private EncryptedFileCredentialStore(Path file, CredentialCipher cipher) {
        this.file = file;
        this.lockFile = file.resolveSibling(FILE_NAME + ".lock");
        this.cipher = cipher;
    }

    /**
     * Opens the file in this directory, or prepares a new one that is written on the first {@link #put}.
     * Wipes the passphrase. A wrong passphrase fails here, before anything is written.
     */
    public static EncryptedFileCredentialStore open(Path dataDirectory, char[] passphrase) {
        return open(dataDirectory, passphrase, CredentialCipher.DEFAULT_ITERATIONS);
    }

    static EncryptedFileCredentialStore open(Path dataDirectory, char[] passphrase, int iterationsForNewFile) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (passphrase == null || passphrase.length == 0) throw new CredentialStoreException("The passphrase of the credential file must not be empty.");
            Optional<byte[]> existing = read(file);
            if (existing.isPresent()) return new EncryptedFileCredentialStore(file, CredentialCipher.forFile(passphrase, existing.get(), file.toString()));
            if (passphrase.length < MIN_NEW_PASSPHRASE)
                throw new CredentialStoreException("A new passphrase for the credential file needs at least " + MIN_NEW_PASSPHRASE + " characters.");
            return new EncryptedFileCredentialStore(file, CredentialCipher.create(passphrase, iterationsForNewFile));
        } finally {
            Secrets.wipe(passphrase);
        }
    }

    /** Whether a credential file exists in this directory. */
    public static boolean exists(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve(FILE_NAME));
    }

    public Path file() { return file; }

    @Override
    public void put(String key, char[] secret) {
        char[] copy = secret.clone();
        update(entries -> entries.put(key, copy));
    }

    @Override
    public Optional<char[]> get(String key) {
        Map<String, char[]> entries = load();
        try {
            return Optional.ofNullable(entries.get(key)).map(char[]::clone);
        } finally {
            entries.values().forEach(Secrets::wipe);
        }
    }

    @Override
    public void delete(String key) {
        if (Files.exists(file)) update(entries -> entries.remove(key));
    }

    @Override
    public String description() { return "the encrypted file " + file; }

    private void update(Function<Map<String, char[]>, char[]> change) {
        // The monitor serialises stores of this JVM (a FileLock may be held only once per JVM); the FileLock
        // serialises processes, so the GUI and a CLI run never lose each other's changes.
        synchronized (MONITORS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object())) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = lockChannel.lock();
                    try {
                        replace(change);
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new CredentialStoreException("Cannot write the credential file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private void replace(Function<Map<String, char[]>, char[]> change) throws IOException {
        Map<String, char[]> entries = load();
        byte[] plaintext = null;
        try {
            Secrets.wipe(change.apply(entries));
            plaintext = CredentialEntries.encode(entries);
            write(cipher.seal(plaintext));
        } finally {
            Secrets.wipe(plaintext);
            entries.values().forEach(Secrets::wipe);
        }
    }

    private Map<String, char[]> load() {
        Optional<byte[]> bytes = read(file);
        if (bytes.isEmpty()) return new TreeMap<>();
        if (!cipher.matches(bytes.get()))
            throw new CredentialStoreException("The credential file " + file + " was replaced while Broadside was running; open it again.");
        byte[] plaintext = cipher.open(bytes.get(), file.toString());
        try {
            return CredentialEntries.decode(plaintext);
        } finally {
            Secrets.wipe(plaintext);
        }
    }

    /** Write beside, flush to disk, then rename over the old file: readers see the old or the new file, never a mix. */
    private void write(byte[] content) throws IOException {
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ownerOnly(temp);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) ch.write(buffer);
            ch.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CredentialStoreException("Cannot read the credential file " + file + ": " + e.getMessage(), e);
        }
    }
}

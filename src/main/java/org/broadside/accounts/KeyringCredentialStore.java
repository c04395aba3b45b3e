package org.broadside.accounts;

import com.github.javakeyring.Keyring;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Secrets in the operating system's credential store (macOS Keychain, Windows Credential Manager, Secret
 * Service / KWallet on Linux) through java-keyring. Every call runs with a time limit: on Linux a missing or
 * locked Secret Service can block forever, and Broadside must fall back to the encrypted file instead of hanging.
 */
public final class KeyringCredentialStore implements CredentialStore {
    static final String SERVICE = "Broadside";
    /** How long the probe waits. A keyring that first needs unlocking by the user may miss it; the GUI can pass more. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    // Once the keyring has answered, a call may show an unlock dialog, so the user gets time to answer it.
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    private static final String PROBE_KEY = "broadside:probe";

    // Daemon threads: a call stuck in native code or D-Bus must not keep the JVM alive.
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "broadside-keyring");
        t.setDaemon(true);
        return t;
    });

    private final Keyring keyring;
    private final Duration timeout;

    private KeyringCredentialStore(Keyring keyring, Duration timeout) {
        this.keyring = keyring;
        this.timeout = timeout;
    }

    /**
     * The system keyring when one answers within the timeout, else empty. On Linux without a D-Bus
     * session (headless servers, containers, CI) it answers empty at once without trying.
     */
    public static Optional<CredentialStore> probe(Map<String, String> env, Duration timeout) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean linuxLike = !os.contains("win") && !os.contains("mac") && !os.contains("darwin");
        if (linuxLike && isBlank(env.get("DBUS_SESSION_BUS_ADDRESS"))) return Optional.empty();
        return probe(Keyring::create, timeout);
    }

    /** Opens with the given factory and reads a probe entry, all within the timeout. */
    static Optional<CredentialStore> probe(Callable<Keyring> factory, Duration timeout) {
        try {
            Keyring keyring = call(() -> {
                Keyring k = factory.call();
                // Creating succeeds even when the backend cannot answer; a read proves it can.
                try {
                    k.getPassword(SERVICE, PROBE_KEY);
                } catch (com.github.javakeyring.PasswordAccessException notFound) {
                    // "not found" is an answer: the keyring works.
                }
                return k;
            }, timeout);
            return Optional.of(new KeyringCredentialStore(keyring, CALL_TIMEOUT));
        } catch (CredentialStoreException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, char[] secret) {
        // java-keyring only takes Strings; this copy lives until garbage collection.
        String value = new String(secret);
        call(() -> {
            keyring.setPassword(SERVICE, key, value);
            return null;
        }, timeout);
    }

    @Override
    public Optional<char[]> get(String key) {
        try {
            String value = call(() -> keyring.getPassword(SERVICE, key), timeout);
            return Optional.ofNullable(value).map(String::toCharArray);
        } catch (CredentialStoreException e) {
            if (e.getCause() instanceof com.github.javakeyring.PasswordAccessException) return Optional.empty();
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        try {
            call(() -> {
                keyring.deletePassword(SERVICE, key);
                return null;
            }, timeout);
        } catch (CredentialStoreException e) {
            // Deleting what is not there is not an error; the backends report it as an access failure.
            if (!(e.getCause() instanceof com.github.javakeyring.PasswordAccessException)) throw e;
        }
    }

    @Override
    public String description() { return "the system keyring (" + keyring.getKeyringStorageType() + ")"; }

    private static <T> T call(Callable<T> work, Duration timeout) {
        Future<T> future = CALLS.submit(work);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CredentialStoreException("The system keyring did not answer within " + timeout.toSeconds() + " seconds.", e);
        } catch (ExecutionException e) {
            throw new CredentialStoreException("The system keyring refused the request: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialStoreException("Interrupted while waiting for the system keyring.", e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

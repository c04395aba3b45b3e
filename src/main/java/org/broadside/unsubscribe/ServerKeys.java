package org.broadside.unsubscribe;

import org.broadside.accounts.CredentialStore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a desktop finds the secret of the server a campaign names: the data directory's own {@code server.key}
 * (the server runs on this data directory or a copy of it), else the credential store entry saved by
 * {@code broadside unsubscribes pull --save-key} or the app, under {@code unsubscribe-server:<origin>}.
 */
public final class ServerKeys {
    private static final String PREFIX = "unsubscribe-server:";

    private ServerKeys() {}

    /** The credential store key for a server URL: its scheme, host and port, lower case. */
    public static String credentialKey(String serverUrl) {
        return PREFIX + origin(serverUrl);
    }

    /** The server's scheme, host and port, lower case: what names it in the credential store and the data directory. */
    static String origin(String serverUrl) {
        URI u = URI.create(serverUrl.strip());
        if (u.getScheme() == null || u.getHost() == null) throw new IllegalArgumentException("\"" + serverUrl + "\" is not an http(s) URL");
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    public static Optional<ServerSecret> find(Path dataDirectory, CredentialStore credentials, String serverUrl) throws IOException {
        return find(dataDirectory, credentials == null ? null : () -> credentials, serverUrl);
    }

    /** @param credentials opened only when the data directory has no key (null: do not look there) */
    public static Optional<ServerSecret> find(Path dataDirectory, java.util.function.Supplier<CredentialStore> credentials, String serverUrl)
            throws IOException {
        Optional<ServerSecret> local = ServerSecret.load(dataDirectory);
        if (local.isPresent() || credentials == null) return local;
        Optional<char[]> saved = credentials.get().get(credentialKey(serverUrl));
        if (saved.isEmpty()) return Optional.empty();
        char[] c = saved.get();
        try {
            return Optional.of(ServerSecret.parse(new String(c)));
        } finally {
            Arrays.fill(c, '\0');
        }
    }

    /** Removes this server's secret from the credential store; nothing happens when there is none. */
    public static void forget(CredentialStore credentials, String serverUrl) {
        credentials.delete(credentialKey(serverUrl));
    }

    /** Saves the secret for this server in the credential store. */
    public static void remember(CredentialStore credentials, String serverUrl, ServerSecret secret) {
        char[] text = secret.text().toCharArray();
        try {
            credentials.put(credentialKey(serverUrl), text);
        } finally {
            Arrays.fill(text, '\0');
        }
    }
}

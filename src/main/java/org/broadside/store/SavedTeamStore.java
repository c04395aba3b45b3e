package org.broadside.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The team store the desktop app opens at start, as chosen in File > Open team store: its URL and user in
 * {@value #FILE_NAME} of the data directory. The password is never in this file; it lives in the credential store
 * under {@link #credentialKey(String)}. The command line does not read this file: it uses --store or
 * $BROADSIDE_STORE, so a script never changes store because someone clicked in the app.
 */
public final class SavedTeamStore {
    public static final String FILE_NAME = "team-store.properties";

    private SavedTeamStore() {}

    /** A remembered team store: URL (never with a password) and user. */
    public record Choice(String url, String user) {
        public Choice {
            url = TeamStore.validUrl(url);
            if (user != null && user.isBlank()) user = null;
        }

        /** The team store with this password (null when the server needs none). */
        public TeamStore withPassword(String password) {
            return new TeamStore(url, user, password);
        }
    }

    /** The credential store key of a team store's password. */
    public static String credentialKey(String url) {
        return "team-store:" + url;
    }

    /** The remembered choice; empty when the app uses this computer's store, or the file no longer names a valid store. */
    public static Optional<Choice> load(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return Optional.of(new Choice(p.getProperty("url"), p.getProperty("user")));
        } catch (IOException | StoreException e) {
            // A damaged choice must not keep the app from starting: it opens this computer's store, where the user
            // can choose again.
            return Optional.empty();
        }
    }

    /** Remembers the choice (replacing the file in one move, so a crash leaves the old choice or the new one). */
    public static void save(Path dataDirectory, Choice choice) {
        Properties p = new Properties();
        p.setProperty("url", choice.url());
        if (choice.user() != null) p.setProperty("user", choice.user());
        try {
            Files.createDirectories(dataDirectory);
            Path tmp = dataDirectory.resolve(FILE_NAME + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "The team store the desktop app opens (File > Open team store). No password here.");
            }
            Files.move(tmp, dataDirectory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Could not remember the team store in " + dataDirectory.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the choice: the app opens this computer's store from now on. */
    public static void clear(Path dataDirectory) {
        try {
            Files.deleteIfExists(dataDirectory.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new StoreException("Could not forget the team store (" + dataDirectory.resolve(FILE_NAME) + "): " + e.getMessage(), e);
        }
    }
}

package org.broadside.accounts;

import java.util.Optional;

/**
 * Where passwords and tokens live, never in the database or a campaign file. Secrets travel as char[]
 * so callers can wipe them ({@link Secrets#wipe(char[])}) once used; a store keeps no reference to
 * the array it was given.
 */
public interface CredentialStore {
    /** Stores (or replaces) the secret under this key. */
    void put(String key, char[] secret);

    /** The secret under this key, a fresh array the caller should wipe after use. */
    Optional<char[]> get(String key);

    /** Removes the secret; nothing happens when there is none. */
    void delete(String key);

    /** Moves the secret under one key to another (secrets are keyed by name: a renamed account's); none, nothing. */
    default void move(String from, String to) {
        get(from).ifPresent(secret -> {
            try {
                put(to, secret);
            } finally {
                Secrets.wipe(secret);
            }
        });
        delete(from);
    }

    /** Where the secrets are kept, for the user ("the system keyring", "the encrypted file ..."). */
    String description();
}

package org.broadside.accounts;


import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the real credential store only when a secret is first needed: probing the keyring or asking for the
 * file's passphrase at start would delay the window (or a command) for people who never use a password.
 */
public final class LazyCredentialStore implements CredentialStore {
    private final Supplier<CredentialStore> opener;
    private CredentialStore store;

    public LazyCredentialStore(Supplier<CredentialStore> opener) {
        this.opener = opener;
    }

    private synchronized CredentialStore store() {
        if (store == null) store = opener.get();
        return store;
    }

    @Override public void put(String key, char[] secret) { store().put(key, secret); }
    @Override public Optional<char[]> get(String key) { return store().get(key); }
    @Override public void delete(String key) { store().delete(key); }
    @Override public String description() { return store().description(); }
}

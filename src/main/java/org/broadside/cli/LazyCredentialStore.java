package org.broadside.cli;

import org.broadside.accounts.CredentialStore;
import org.broadside.accounts.CredentialStores;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the credential store only when a secret is actually needed, so commands for accounts without login
 * never ask for a passphrase or a keyring.
 */
final class LazyCredentialStore implements CredentialStore {
    private final Path dataDirectory;
    private CredentialStore store;

    LazyCredentialStore(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    private synchronized CredentialStore store() {
        if (store == null) store = CredentialStores.open(dataDirectory, Environment.current());
        return store;
    }

    @Override
    public void put(String key, char[] secret) { store().put(key, secret); }

    @Override
    public Optional<char[]> get(String key) { return store().get(key); }

    @Override
    public void delete(String key) { store().delete(key); }

    @Override
    public String description() { return store().description(); }
}

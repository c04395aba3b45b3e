package org.broadside.ui.bounces;

import org.broadside.accounts.CredentialStore;

import java.util.Optional;
import java.util.function.Supplier;

/** A credential store opened at its first use, so that building a window never asks for the passphrase. */
final class DeferredCredentials implements CredentialStore {
    private final Supplier<CredentialStore> store;

    DeferredCredentials(Supplier<CredentialStore> store) {
        this.store = store;
    }

    @Override
    public void put(String key, char[] secret) { store.get().put(key, secret); }

    @Override
    public Optional<char[]> get(String key) { return store.get().get(key); }

    @Override
    public void delete(String key) { store.get().delete(key); }

    @Override
    public String description() { return store.get().description(); }
}

package org.broadside.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps secrets in memory only: for tests and for sessions that must not persist anything. */
public final class InMemoryCredentialStore implements CredentialStore {
    private final Map<String, char[]> secrets = new ConcurrentHashMap<>();

    @Override
    public void put(String key, char[] secret) {
        Secrets.wipe(secrets.put(key, secret.clone()));
    }

    @Override
    public Optional<char[]> get(String key) {
        return Optional.ofNullable(secrets.get(key)).map(char[]::clone);
    }

    @Override
    public void delete(String key) {
        Secrets.wipe(secrets.remove(key));
    }

    @Override
    public String description() { return "memory (not saved)"; }

    /** The keys present, for tests. */
    public Set<String> keys() { return Set.copyOf(secrets.keySet()); }
}

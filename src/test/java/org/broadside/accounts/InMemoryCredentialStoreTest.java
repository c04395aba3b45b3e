package org.broadside.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryCredentialStoreTest {
    @Test
    void wipingAReturnedSecretLeavesTheStoredOneIntact() {
        var store = new InMemoryCredentialStore();
        char[] given = "secret-1".toCharArray();
        store.put("k", given);
        Secrets.wipe(given);
        Secrets.wipe(store.get("k").orElseThrow());
        assertThat(new String(store.get("k").orElseThrow())).isEqualTo("secret-1");
    }

    @Test
    void deleteForgetsTheSecret() {
        var store = new InMemoryCredentialStore();
        store.put("k", "secret-1".toCharArray());
        store.delete("k");
        assertThat(store.get("k")).isEmpty();
        assertThat(store.keys()).isEmpty();
    }
}

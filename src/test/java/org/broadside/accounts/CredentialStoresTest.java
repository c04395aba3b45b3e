package org.broadside.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialStoresTest {
    @TempDir
    Path dir;
    final InMemoryCredentialStore keyring = new InMemoryCredentialStore();
    final Supplier<Optional<CredentialStore>> available = () -> Optional.of(keyring);
    final Supplier<Optional<CredentialStore>> absent = Optional::empty;

    CredentialStore open(Map<String, String> env, Supplier<Optional<CredentialStore>> probe) {
        return CredentialStores.open(dir, env, probe, PassphraseSource.fromEnvironment(env));
    }

    @Test
    void keyringIsPreferredWhenItAnswers() {
        assertThat(open(Map.of(), available)).isSameAs(keyring);
    }

    @Test
    void fileIsUsedWhenNoKeyringAnswers() {
        assertThat(open(Map.of("BROADSIDE_PASSPHRASE", "long passphrase"), absent)).isInstanceOf(EncryptedFileCredentialStore.class);
    }

    @Test
    void fileIsForcedByBroadsideCredentials() {
        var env = Map.of("BROADSIDE_CREDENTIALS", "file", "BROADSIDE_PASSPHRASE", "long passphrase");
        assertThat(open(env, available)).isInstanceOf(EncryptedFileCredentialStore.class);
    }

    @Test
    void anExistingCredentialFileKeepsBeingUsedWhenAKeyringAppears() {
        var env = Map.of("BROADSIDE_PASSPHRASE", "long passphrase");
        open(env, absent).put("k", "v".toCharArray());
        assertThat(open(env, available)).isInstanceOf(EncryptedFileCredentialStore.class);
    }

    @Test
    void neitherKeyringNorPassphraseIsExplained() {
        assertThatThrownBy(() -> open(Map.of(), absent)).isInstanceOf(CredentialStoreException.class)
                .hasMessage("No system keyring is available, so secrets go to an encrypted file: set BROADSIDE_PASSPHRASE"
                        + " to a new passphrase (at least 8 characters) to create the encrypted credential file.");
    }

    @Test
    void aPromptTheUserClosedSaysSoInsteadOfNamingTheEnvironmentVariable() {
        PassphraseSource closedPrompt = new PassphraseSource() {
            @Override
            public Optional<char[]> passphrase(boolean creating) { return Optional.empty(); }

            @Override
            public String whenNone(boolean creating, Path file) { return "no passphrase was chosen for it."; }
        };
        PassphraseSource app = PassphraseSource.fromEnvironment(Map.of()).orElse(closedPrompt);
        assertThatThrownBy(() -> CredentialStores.open(dir, Map.of(), absent, app))
                .hasMessage("No system keyring is available, so secrets go to an encrypted file: no passphrase was chosen for it.");
        assertThatThrownBy(() -> CredentialStores.open(dir, Map.of("BROADSIDE_CREDENTIALS", "file"), absent, app))
                .hasMessage("No passphrase was chosen for it.");
    }

    @Test
    void forcedKeyringThatDoesNotAnswerIsExplained() {
        assertThatThrownBy(() -> open(Map.of("BROADSIDE_CREDENTIALS", "keyring"), absent)).hasMessageStartingWith("No system keyring answered");
    }

    @Test
    void unknownChoiceIsRejected() {
        assertThatThrownBy(() -> open(Map.of("BROADSIDE_CREDENTIALS", "vault"), available)).hasMessageContaining("\"keyring\" or \"file\"");
    }

    @Test
    void passphraseIsNotAskedForWhenTheKeyringIsUsed() {
        CredentialStore store = CredentialStores.open(dir, Map.of(), available, creating -> {
            throw new AssertionError("asked for a passphrase");
        });
        assertThat(store).isSameAs(keyring);
    }
}

package org.broadside.accounts;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses where secrets live. BROADSIDE_CREDENTIALS=file or =keyring forces a choice. Otherwise an existing
 * credentials.enc keeps being used (secrets must not end up split between two stores when a keyring appears
 * later or answers too slowly once), then the system keyring if it answers, else the encrypted file.
 */
public final class CredentialStores {
    public static final String CHOICE_ENV = "BROADSIDE_CREDENTIALS";

    private CredentialStores() {}

    /** For the CLI: the real system keyring, the passphrase from BROADSIDE_PASSPHRASE. */
    public static CredentialStore open(Path dataDirectory, Map<String, String> env) {
        return open(dataDirectory, env, () -> KeyringCredentialStore.probe(env, KeyringCredentialStore.DEFAULT_TIMEOUT),
                PassphraseSource.fromEnvironment(env));
    }

    /** For the GUI: the real system keyring, the passphrase from the user's answer to a prompt. */
    public static CredentialStore open(Path dataDirectory, Map<String, String> env, PassphraseSource passphrase) {
        return open(dataDirectory, env, () -> KeyringCredentialStore.probe(env, KeyringCredentialStore.DEFAULT_TIMEOUT), passphrase);
    }

    /**
     * @param keyring    probes the system keyring (tests pass their own)
     * @param passphrase asked only when the encrypted file is chosen
     */
    public static CredentialStore open(Path dataDirectory, Map<String, String> env,
                                       Supplier<Optional<CredentialStore>> keyring, PassphraseSource passphrase) {
        String choice = env.getOrDefault(CHOICE_ENV, "").strip().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "file":
                return openFile(dataDirectory, passphrase, "");
            case "keyring":
                return keyring.get().orElseThrow(() -> new CredentialStoreException(
                        "No system keyring answered; unset " + CHOICE_ENV + " or set it to \"file\" to use the encrypted credential file."));
            case "":
                break;
            default:
                throw new CredentialStoreException(CHOICE_ENV + " must be \"keyring\" or \"file\", not \"" + choice + "\".");
        }
        if (EncryptedFileCredentialStore.exists(dataDirectory)) return openFile(dataDirectory, passphrase, "");
        Optional<CredentialStore> system = keyring.get();
        if (system.isPresent()) return system.get();
        return openFile(dataDirectory, passphrase, "No system keyring is available, so secrets go to an encrypted file: ");
    }

    private static CredentialStore openFile(Path dataDirectory, PassphraseSource source, String why) {
        boolean creating = !EncryptedFileCredentialStore.exists(dataDirectory);
        char[] passphrase = source.passphrase(creating).orElseThrow(() -> {
            String advice = source.whenNone(creating, dataDirectory.resolve(EncryptedFileCredentialStore.FILE_NAME));
            return new CredentialStoreException(why.isEmpty() ? Character.toUpperCase(advice.charAt(0)) + advice.substring(1) : why + advice);
        });
        return EncryptedFileCredentialStore.open(dataDirectory, passphrase);
    }
}

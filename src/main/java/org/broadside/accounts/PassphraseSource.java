package org.broadside.accounts;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Supplies the passphrase of the credential file: the CLI reads BROADSIDE_PASSPHRASE, the GUI asks the user. */
@FunctionalInterface
public interface PassphraseSource {
    String ENV = "BROADSIDE_PASSPHRASE";

    /**
     * The passphrase, or empty when the user has none to give (the GUI's prompt was cancelled).
     * @param creating true when no file exists yet, so the passphrase being asked for is a new one
     */
    Optional<char[]> passphrase(boolean creating);

    /**
     * What the user can do when this source gave no passphrase, to end a sentence (lower case first): the command line
     * names {@value #ENV}; the app's prompt says the user chose none.
     * @param file the credential file
     */
    default String whenNone(boolean creating, Path file) {
        return "set " + ENV + (creating ? " to a new passphrase (at least " + EncryptedFileCredentialStore.MIN_NEW_PASSPHRASE
                + " characters) to create the encrypted credential file." : " to the passphrase of " + file + ".");
    }

    /** The passphrase from {@value #ENV} in this environment. */
    static PassphraseSource fromEnvironment(Map<String, String> env) {
        return creating -> Optional.ofNullable(env.get(ENV)).filter(v -> !v.isEmpty()).map(String::toCharArray);
    }

    /** This source's passphrase, or when it has none, the other's: the app takes {@value #ENV} before asking. */
    default PassphraseSource orElse(PassphraseSource other) {
        PassphraseSource first = this;
        return new PassphraseSource() {
            @Override
            public Optional<char[]> passphrase(boolean creating) {
                return first.passphrase(creating).or(() -> other.passphrase(creating));
            }

            @Override
            public String whenNone(boolean creating, Path file) { return other.whenNone(creating, file); }
        };
    }
}

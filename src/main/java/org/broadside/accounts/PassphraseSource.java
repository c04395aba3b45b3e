package org.broadside.accounts;

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

    /** The passphrase from {@value #ENV} in this environment. */
    static PassphraseSource fromEnvironment(Map<String, String> env) {
        return creating -> Optional.ofNullable(env.get(ENV)).filter(v -> !v.isEmpty()).map(String::toCharArray);
    }

    /** This source's passphrase, or when it has none, the other's: the app takes {@value #ENV} before asking. */
    default PassphraseSource orElse(PassphraseSource other) {
        return creating -> passphrase(creating).or(() -> other.passphrase(creating));
    }
}

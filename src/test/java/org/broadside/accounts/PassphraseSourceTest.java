package org.broadside.accounts;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PassphraseSourceTest {
    @Test
    void theAppTakesThePassphraseFromTheEnvironmentWithoutAsking() {
        AtomicInteger asked = new AtomicInteger();
        PassphraseSource prompt = creating -> {
            asked.incrementAndGet();
            return Optional.of("typed".toCharArray());
        };
        PassphraseSource app = PassphraseSource.fromEnvironment(Map.of(PassphraseSource.ENV, "from-env")).orElse(prompt);
        assertThat(app.passphrase(false)).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("from-env"));
        assertThat(asked).hasValue(0);
    }

    @Test
    void withoutTheEnvironmentVariableTheAppAsks() {
        PassphraseSource app = PassphraseSource.fromEnvironment(Map.of()).orElse(creating -> Optional.of("typed".toCharArray()));
        assertThat(app.passphrase(true)).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("typed"));
    }
}

package org.broadside.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyringCredentialStoreTest {
    @Test
    void aKeyringThatNeverAnswersIsGivenUpAfterTheTimeout() {
        long start = System.nanoTime();
        var result = KeyringCredentialStore.probe(() -> {
            Thread.sleep(60_000);
            return null;
        }, Duration.ofMillis(300));
        assertThat(result).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aKeyringThatFailsToOpenCountsAsAbsent() {
        var result = KeyringCredentialStore.probe(() -> {
            throw new com.github.javakeyring.BackendNotSupportedException("no backend");
        }, Duration.ofSeconds(1));
        assertThat(result).isEmpty();
    }

    @Test
    void linuxWithoutADbusSessionAnswersAbsentAtOnce() {
        String os = System.getProperty("os.name", "").toLowerCase();
        org.junit.jupiter.api.Assumptions.assumeTrue(os.contains("linux"));
        long start = System.nanoTime();
        assertThat(KeyringCredentialStore.probe(Map.of(), Duration.ofSeconds(30))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}

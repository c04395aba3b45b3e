package org.broadside.diagnostics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTextTest {
    @Test
    void aWordedFailureKeepsItsMessage() {
        assertThat(FailureText.of(new IllegalArgumentException("Give the template a name."))).isEqualTo("Give the template a name.");
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsType() {
        assertThat(FailureText.of(new IllegalStateException())).startsWith("internal error (IllegalStateException)");
        assertThat(FailureText.of(new RuntimeException(" "))).startsWith("internal error (RuntimeException)");
    }

    @Test
    void aBugsTypeIsNamedEvenWithAMessage() {
        assertThat(FailureText.of(new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null")))
                .startsWith("internal error (NullPointerException: Cannot invoke");
        assertThat(FailureText.of(new IndexOutOfBoundsException("Index 3 out of bounds for length 3")))
                .startsWith("internal error (IndexOutOfBoundsException: Index 3");
    }

    @Test
    void anInternalErrorPointsAtTheLogFile() {
        var file = LogFile.start(org.broadside.testing.TempDirs.create("failure-text"), LogFile.Console.QUIET).orElseThrow();
        assertThat(FailureText.of(new NullPointerException())).isEqualTo("internal error (NullPointerException) - details in the log file " + file);
    }
}

package org.broadside.accounts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class RedactingSecretsTest {
    static final String SECRET = "hunter2-Correct!";

    static String b64(String s) { return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)); }

    @Test
    void hidesTheSecretItself() {
        try (var r = RedactingSecrets.of(SECRET.toCharArray())) {
            assertThat(r.redact("pass=" + SECRET + ";")).isEqualTo("pass=<credentials hidden>;");
        }
    }

    @Test
    void hidesTheBase64OfTheSecret() {
        try (var r = RedactingSecrets.of(SECRET.toCharArray())) {
            assertThat(r.redact("C: " + b64(SECRET))).isEqualTo("C: <credentials hidden>");
        }
    }

    @Test
    void hidesTheSecretInsideALongerBase64StringAtEveryAlignment() {
        try (var r = RedactingSecrets.of(SECRET.toCharArray())) {
            for (String prefix : new String[] {"", "x", "xy", "xyz", "\0user@example.com\0"}) {
                String encoded = b64(prefix + SECRET + "tail");
                assertThat(r.revealsAny(encoded)).as(prefix).isTrue();
                assertThat(r.redact(encoded)).as(prefix).contains(RedactingSecrets.MASK);
            }
        }
    }

    @Test
    void hidesWholeAuthPlainAndXoauth2Strings() {
        try (var r = RedactingSecrets.of(SECRET.toCharArray()).withLogin("me@example.com", SECRET.toCharArray())) {
            assertThat(r.redact("AUTH PLAIN " + b64("\0me@example.com\0" + SECRET))).isEqualTo("AUTH PLAIN <credentials hidden>");
            assertThat(r.redact("AUTH XOAUTH2 " + b64("user=me@example.com\u0001auth=Bearer " + SECRET + "\u0001\u0001")))
                    .isEqualTo("AUTH XOAUTH2 <credentials hidden>");
        }
    }

    @Test
    void hidesUrlSafeBase64Too() {
        String secret = "??>>??>>??";
        try (var r = RedactingSecrets.of(secret.toCharArray())) {
            String urlSafe = Base64.getUrlEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
            assertThat(r.revealsAny(urlSafe)).isTrue();
        }
    }

    @Test
    void leavesTextWithoutSecretsUnchanged() {
        try (var r = RedactingSecrets.of(SECRET.toCharArray())) {
            String line = "250-smtp.example.com Hello, pleased to meet you";
            assertThat(r.redact(line)).isSameAs(line);
        }
    }

    @Test
    void afterCloseNothingIsHeldAndNothingRedacted() {
        var r = RedactingSecrets.of(SECRET.toCharArray());
        r.close();
        assertThat(r.redact(SECRET)).isEqualTo(SECRET);
    }

    @Test
    void callersArraysAreCopiedNotKept() {
        char[] mine = SECRET.toCharArray();
        try (var r = RedactingSecrets.of(mine)) {
            Secrets.wipe(mine);
            assertThat(r.redact(SECRET)).isEqualTo(RedactingSecrets.MASK);
        }
    }
}

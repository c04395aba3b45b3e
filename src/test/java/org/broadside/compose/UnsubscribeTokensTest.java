package org.broadside.compose;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeTokensTest {
    private final UnsubscribeTokens tokens = new UnsubscribeTokens(new byte[32], "spring");

    @Test
    void everyTokenTagInAnyCaseIsReplacedAndNothingElse() {
        String t = tokens.token("Ann@Example.com");
        assertThat(tokens.url("https://x.example/u/[Token]?again=[TOKEN]&[tok]=[token", "Ann@Example.com"))
                .isEqualTo("https://x.example/u/" + t + "?again=" + t + "&[tok]=[token");
        assertThat(tokens.url("https://x.example/static", "a@example.com")).isEqualTo("https://x.example/static");
    }

    @Test
    void tokensDifferPerAddressButNotPerSpelling() {
        assertThat(tokens.token("a@example.com")).isNotEqualTo(tokens.token("b@example.com"));
        assertThat(tokens.token("A@EXAMPLE.COM")).isEqualTo(tokens.token("a@example.com"));
        assertThat(tokens.token("a@example.com")).doesNotContain("$", "\\");
    }
}

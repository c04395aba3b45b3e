package org.broadside.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTest {
    static Account.Builder valid() {
        return Account.builder("Work").host("smtp.example.com").port(587).security(AccountSecurity.STARTTLS)
                .auth(AccountAuth.PLAIN).username("me@example.com");
    }

    @Test
    void aCompleteAccountIsValidAndARelay() {
        Account a = valid().build();
        assertThat(a.kind()).isEqualTo(AccountKind.RELAY);
        assertThat(a.ehloName()).isNull();
    }

    @Test
    void portOutsideOneTo65535IsRejected() {
        assertThatThrownBy(() -> valid().port(0).build()).isInstanceOf(InvalidAccountException.class).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> valid().port(65536).build()).isInstanceOf(InvalidAccountException.class);
    }

    @Test
    void connectionsOutsideOneTo64AreRejected() {
        assertThatThrownBy(() -> valid().connections(0).build()).hasMessageContaining("between 1 and 64");
        assertThatThrownBy(() -> valid().connections(65).build()).hasMessageContaining("between 1 and 64");
    }

    @Test
    void chunkingWindowOutsideZeroTo32IsRejectedWithTheRange() {
        assertThat(valid().build().chunkingWindow()).isEqualTo(4);
        assertThat(valid().chunkingWindow(0).build().chunkingWindow()).isZero();
        assertThatThrownBy(() -> valid().chunkingWindow(-1).build()).isInstanceOf(InvalidAccountException.class)
                .hasMessageContaining("between 0 (off) and 32, not -1");
        assertThatThrownBy(() -> valid().chunkingWindow(33).build()).hasMessageContaining("not 33");
    }

    @Test
    void emptyHostIsRejected() {
        assertThatThrownBy(() -> valid().host(" ").build()).hasMessageContaining("must not be empty");
    }

    @Test
    void lineBreaksAreRejectedInEveryTextSetting() {
        assertThatThrownBy(() -> valid().username("me\r\nRCPT TO:<x@y>").build()).hasMessageContaining("line break");
        assertThatThrownBy(() -> valid().host("smtp.example.com\n").build()).hasMessageContaining("line break");
        assertThatThrownBy(() -> valid().ehloName("a.example\r").build()).hasMessageContaining("line break");
        assertThatThrownBy(() -> valid().name("Work\n").build()).hasMessageContaining("line break");
    }

    @Test
    void namesMustStartWithALetterOrDigitAndUsePlainCharacters() {
        assertThatThrownBy(() -> valid().name("").build()).hasMessageStartingWith("The account name must be");
        assertThatThrownBy(() -> valid().name(" x").build()).hasMessageStartingWith("The account name must be");
        assertThatThrownBy(() -> valid().name("a/b").build()).hasMessageStartingWith("The account name must be");
        assertThat(valid().name("Gmail me@example.com").build().name()).isEqualTo("Gmail me@example.com");
    }

    @Test
    void aLoginNeedsAUserName() {
        assertThatThrownBy(() -> valid().username(null).build()).hasMessage("A user name is needed to log in with plain.");
    }

    @Test
    void groupSizeAndIntervalGoTogether() {
        assertThatThrownBy(() -> valid().group(10, 0).build()).hasMessageContaining("give both or neither");
        assertThat(valid().group(10, 5_000).build().groupIntervalMillis()).isEqualTo(5_000);
    }

    @Test
    void negativeLimitsAreRejected() {
        assertThatThrownBy(() -> valid().maxPerDay(-1).build()).hasMessageContaining("must not be negative");
    }

    @Test
    void fingerprintWithColonsIsStoredAsLowerCaseHex() {
        String colons = "AB:".repeat(31) + "AB";
        assertThat(valid().pinnedSha256(colons).build().pinnedSha256()).isEqualTo("ab".repeat(32));
        assertThatThrownBy(() -> valid().pinnedSha256("abcd").build()).hasMessageContaining("SHA-256");
    }

    @Test
    void builderRoundTripKeepsEverySetting() {
        Account a = valid().ehloName("mail.example.com").connections(4).messagesPerConnection(50).group(20, 60_000)
                .maxPerHour(100).maxPerDay(1000).pinnedSha256("0".repeat(64)).chunkingWindow(7).build();
        assertThat(a.toBuilder().build()).isEqualTo(a);
    }
}

package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailAddressTest {

    @Test
    void parsesNameAndAddress() {
        assertThat(MailAddress.parse("Ann Example <ann@example.org>")).isEqualTo(new MailAddress("Ann Example", "ann@example.org"));
    }

    @Test
    void parsesBareAndBracketedAddress() {
        assertThat(MailAddress.parse(" ann@example.org ")).isEqualTo(new MailAddress(null, "ann@example.org"));
        assertThat(MailAddress.parse("<ann@example.org>")).isEqualTo(new MailAddress(null, "ann@example.org"));
    }

    @Test
    void parsesQuotedNameWithComma() {
        assertThat(MailAddress.parse("\"Doe, John \\\"JD\\\"\" <john@example.org>").displayName()).isEqualTo("Doe, John \"JD\"");
    }

    @Test
    void rejectsLineBreaksAndNul() {
        assertThatThrownBy(() -> MailAddress.parse("ann@example.org\r\nBcc: x@y.z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailAddress.parse("Ann\n <ann@example.org>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailAddress.parse("ann\0@example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailAddress("A\rB", "ann@example.org")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAddressesWithoutLocalPartOrDomainOrWithSpaces() {
        assertThatThrownBy(() -> MailAddress.parse("@example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailAddress.parse("ann@")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailAddress.parse("ann example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailAddress.parse("a b@example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailAddress.parse("Ann <ann@example.org")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void domainIsThePartAfterTheLastAt() {
        assertThat(MailAddress.parse("\"a@b\"@example.org").domain()).isEqualTo("example.org");
    }

    @Test
    void idnDomainIsConvertedForHeaders() {
        MailAddress a = MailAddress.parse("jörg@bücher.example");

        assertThat(a.domain()).isEqualTo("bücher.example");
        assertThat(a.headerAddress()).isEqualTo("jörg@xn--bcher-kva.example");
        assertThat(a.hasNonAsciiLocalPart()).isTrue();
    }
}

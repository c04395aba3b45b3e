package org.broadside.contacts.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailSyntaxTest {
    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "first.last+tag@sub.example.co.uk", "o'brien@example.ie", "x_y-z@ex-ample.org",
            "用户@例子.广告", "josé@bücher.example", "\"john doe\"@example.com", "admin@[192.168.0.1]", "a@xn--bcher-kva.example",
            "#!$%&'*+-/=?^_`{}|~@example.org"})
    void acceptsWhatMailServersAccept(String address) {
        assertThat(EmailSyntax.problem(address)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plainaddress|no @",
            "@example.com|nothing before the @",
            "a@|nothing after the @",
            ".a@example.com|the part before the @ starts or ends with a dot",
            "a..b@example.com|two dots in a row",
            "a b@example.com|contains a space",
            "a@localhost|the domain has no dot",
            "a@-example.com|a part of the domain starts or ends with a hyphen",
            "a@example..com|the domain has an empty part",
            "a@example.123|the domain ends with a number",
            "a@exa_mple.com|the domain contains '_'",
            "a,b@example.com|contains ',' before the @",
            "a@[300.1.1.1]|the IP address is not valid"})
    void refusesWithAReason(String address, String reason) {
        assertThat(EmailSyntax.problem(address)).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"info@example.com", "Sales@example.com", "no-reply@example.com", "support+eu@example.com"})
    void flagsRoleAddresses(String address) {
        assertThat(RoleAddresses.isRole(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailinator.com", "eu.mailinator.com", "yopmail.fr"})
    void flagsDisposableDomains(String domain) {
        assertThat(DisposableDomains.isDisposable(domain)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "mailinator.com.example.org", "com"})
    void doesNotFlagOrdinaryDomains(String domain) {
        assertThat(DisposableDomains.isDisposable(domain)).isFalse();
    }
}

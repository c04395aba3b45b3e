package org.broadside.bounces;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerpAddressesTest {
    @ParameterizedTest
    @CsvSource({"1, 1", "1, 2", "42, 1000000", "9223372036854775807, 9223372036854775807", "7, 35", "36, 36"})
    void encodedAddressDecodesToItsCampaignAndRecipient(long campaign, long seq) {
        String address = VerpAddresses.encode("bounces", "news.example.org", campaign, seq);
        assertThat(address).startsWith("bounces+").endsWith("@news.example.org").matches("[a-z0-9+.@-]+");
        assertThat(VerpAddresses.decode(address)).contains(new VerpAddresses.Token(campaign, seq));
    }

    @Test
    void localPartStaysShortAndWithinTheSmtpLimit() {
        String typical = VerpAddresses.encode("bounces", "example.com", 12, 345_678);
        assertThat(typical.substring(0, typical.indexOf('@'))).hasSizeLessThanOrEqualTo(20);
        String largest = VerpAddresses.encode("bounces", "example.com", Long.MAX_VALUE, Long.MAX_VALUE);
        assertThat(largest.substring(0, largest.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void decodingIgnoresCaseAndAngleBrackets() {
        String address = VerpAddresses.encode("bounces", "news.example.org", 300, 4000);
        assertThat(VerpAddresses.decode("<" + address.toUpperCase() + ">")).contains(new VerpAddresses.Token(300, 4000));
    }

    @Test
    void localPartMayItselfContainAPlus() {
        String address = VerpAddresses.encode("mail+bounces", "example.com", 5, 6);
        assertThat(VerpAddresses.decode(address)).contains(new VerpAddresses.Token(5, 6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bounces@news.example.org", "bounces+news-a@news.example.org", "jane+work@example.com", "bounces+1-2@x.org",
            "bounces+1-2-3x@x.org", "bounces+-12x@x.org", "not an address", "", "bounces+1-2q", "bounces+zzzzzzzzzzzzzzzzzzzz-1a@x.org"})
    void otherAddressesAreNoTokens(String address) {
        assertThat(VerpAddresses.decode(address)).isEmpty();
    }

    @Test
    void aChangedDigitIsRejectedByTheCheckCharacter() {
        String address = VerpAddresses.encode("bounces", "x.org", 1234, 5678);
        String local = address.substring(0, address.indexOf('@'));
        char[] chars = local.toCharArray();
        int firstDigit = local.indexOf('+') + 1;
        chars[firstDigit] = chars[firstDigit] == '9' ? '8' : '9';
        assertThat(VerpAddresses.decode(new String(chars) + "@x.org")).isEmpty();
    }

    @Test
    void invalidInputIsRefused() {
        assertThatThrownBy(() -> VerpAddresses.encode("", "x.org", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerpAddresses.encode("a@b", "x.org", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerpAddresses.encode("bounces", "x.org", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerpAddresses.encode("bounces", "x.org", 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

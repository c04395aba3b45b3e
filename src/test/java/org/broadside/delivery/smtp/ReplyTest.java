package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReplyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "250 2.0.0 Ok: queued as 4BxYz12345|4BxYz12345",
            "250 OK id=1rABcD-000123-XY|1rABcD-000123-XY",
            "250 Ok 0100018c2f3a4b5c-1a2b3c4d-0000-0000-0000-000000000000-000000|0100018c2f3a4b5c-1a2b3c4d-0000-0000-0000-000000000000-000000",
            "250 2.6.0 <abc123@mail.example.com> [InternalId=123456789, Hostname=EX01] Queued mail for delivery|123456789",
            "250 2.0.0 OK  1700000000 a1-20020a17090a1234b00123456789abcd.12 - gsmtp|a1-20020a17090a1234b00123456789abcd.12",
            "250 2.0.0 4AM1x2Y3012345 Message accepted for delivery|4AM1x2Y3012345",
            "250 OK|"})
    void queueIdIsFoundInCommonReceiptStyles(String line, String expected) {
        assertThat(Reply.parse(line).queueId()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "550 5.1.1 No such user|5.1.1",
            "452 4.2.2 Mailbox full|4.2.2",
            "550 Requested action not taken|",
            "550 4.1.1 class does not match the code|",
            "250 2.0.0|2.0.0",
            "550 5.7.515 Access denied|5.7.515",
            "550 5.1.1x not a code|"})
    void enhancedCodeIsParsedOnlyWhenClearlyPresent(String line, String expected) {
        assertThat(Reply.parse(line).enhancedCode()).isEqualTo(expected);
    }

    @Test
    void classifiesByFirstDigit() {
        assertThat(Reply.parse("250 ok").positive()).isTrue();
        assertThat(Reply.parse("451 later").transientFailure()).isTrue();
        assertThat(Reply.parse("554 no").permanentFailure()).isTrue();
    }

    @Test
    void capabilitiesAreReadFromEhlo() {
        Reply ehlo = new Reply(250, null, List.of("mx.example.com", "PIPELINING", "SIZE 35882577", "8BITMIME",
                "AUTH LOGIN PLAIN XOAUTH2", "ENHANCEDSTATUSCODES", "SMTPUTF8", "STARTTLS"));
        Capabilities c = Capabilities.fromEhlo(ehlo);
        assertThat(c.pipelining()).isTrue();
        assertThat(c.maxSize()).isEqualTo(35882577L);
        assertThat(c.authMechanisms()).containsExactly("LOGIN", "PLAIN", "XOAUTH2");
        assertThat(c.eightBitMime() && c.smtpUtf8() && c.startTls() && c.enhancedStatusCodes()).isTrue();
    }
}

package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.smtp.SmtpTestSupport.EHLO;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.body;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GreenMailDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("user@example.com", "user", "pa55word"))
            .withPerMethodLifecycle(true);

    @Test
    void messageIsDeliveredToEveryRecipient() throws Exception {
        try (SmtpConnection c = SmtpConnection.open(endpoint(), FAST, null)) {
            TransactionResult r = c.send(Envelope.of("sender@example.com", "a@example.com", "b@example.com"),
                    body("From: sender@example.com\nTo: a@example.com\nSubject: Hello\n\nHi there\n.dot line\n"),
                    EndOfDataHook.NONE);
            assertThat(r.accepted()).isTrue();
            c.quit();
        }
        MimeMessage[] received = GREENMAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("Hello");
        assertThat(((String) received[0].getContent()).replace("\r\n", "\n")).contains("Hi there\n.dot line");
    }

    @ParameterizedTest
    @EnumSource(value = AuthMechanism.class, names = {"PLAIN", "LOGIN"})
    void loginWithAUserThenSend(AuthMechanism m) throws Exception {
        try (SmtpConnection c = SmtpConnection.open(endpoint().withAuth(m, "user", "pa55word"::toCharArray), FAST, null)) {
            assertThat(c.send(Envelope.of("user@example.com", "user@example.com"), body("Subject: auth\n\nx\n"),
                    EndOfDataHook.NONE).accepted()).isTrue();
        }
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
    }

    private static SmtpEndpoint endpoint() {
        return SmtpEndpoint.plain("localhost", GREENMAIL.getSmtp().getPort(), EHLO);
    }
}

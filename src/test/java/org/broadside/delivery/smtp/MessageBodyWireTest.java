package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.body;
import static org.broadside.delivery.smtp.SmtpTestSupport.plain;
import static org.broadside.delivery.smtp.SmtpTestSupport.simpleBody;

import java.nio.charset.StandardCharsets;
import org.broadside.testing.smtp.ReceivedMessage;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageBodyWireTest {
    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void dotStuffingAndCrlfNormalisationSurviveTheRoundTrip() throws Exception {
        String original = "Subject: dots\n\n.leading dot\n..two dots\nbare CR\rend\r\n.\nlast line without newline";
        ReceivedMessage m = sendAndReceive(original);

        assertThat(new String(m.wire(), StandardCharsets.UTF_8)).isEqualTo(
                "Subject: dots\r\n\r\n..leading dot\r\n...two dots\r\nbare CR\r\nend\r\n..\r\nlast line without newline\r\n");
        assertThat(m.contentText()).isEqualTo(
                "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\nbare CR\r\nend\r\n.\r\nlast line without newline\r\n");
    }

    @Test
    void lineThatIsOnlyADotCannotEndTheMessageEarly() throws Exception {
        ReceivedMessage m = sendAndReceive("Subject: x\r\n\r\nbefore\r\n.\r\nafter\r\n");

        assertThat(m.contentText()).endsWith("before\r\n.\r\nafter\r\n");
    }

    @Test
    void emptyBodyStillEndsWithTheTerminator() throws Exception {
        ReceivedMessage m = sendAndReceive("");

        assertThat(m.wire()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"victim@example.com\r\nRCPT TO:<evil@example.com>", "a@example.com\nDATA",
            "nul\u0000@example.com", "victim@example.com> NOTIFY=NEVER", "victim\u013E\u0120NOTIFY=NEVER@example.com",
            "sp ace@example.com"})
    void unsafeRecipientIsRefusedBeforeAnythingIsSent(String address) throws Exception {
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            int before = server.commandLines().size();

            assertThatThrownBy(() -> c.send(Envelope.of("s@example.com", "ok@example.com", address), simpleBody(),
                    EndOfDataHook.NONE)).isInstanceOf(InvalidEnvelopeException.class).hasMessageContaining("nothing was sent");

            assertThat(server.commandLines()).hasSize(before);
            assertThat(c.isUsable()).isTrue();
        }
    }

    @Test
    void unsafeSenderIsRefused() throws Exception {
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThatThrownBy(() -> c.send(Envelope.of("s@example.com\r\nRSET", "ok@example.com"), simpleBody(),
                    EndOfDataHook.NONE)).isInstanceOf(InvalidEnvelopeException.class);
        }
    }

    @Test
    void nonAsciiAddressIsSentWithSmtpUtf8WhenOffered() throws Exception {
        server.smtpUtf8(true);
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThat(c.send(Envelope.of("s@example.com", "jürgen@example.com"), simpleBody(), EndOfDataHook.NONE)
                    .accepted()).isTrue();
        }
        assertThat(server.commandLines()).contains("MAIL FROM:<s@example.com> BODY=8BITMIME SMTPUTF8",
                "RCPT TO:<jürgen@example.com>");
    }

    @Test
    void eightBitBodyWithout8BitMimeIsRefused() throws Exception {
        server.eightBitMime(false);
        MessageBody eight = new MessageBody() {
            @Override
            public void writeTo(java.io.OutputStream out) throws java.io.IOException {
                out.write("x".getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public boolean requiresSmtpUtf8() {
                return false;
            }

            @Override
            public boolean requires8BitMime() {
                return true;
            }
        };
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThatThrownBy(() -> c.send(Envelope.of("s@example.com", "r@example.com"), eight, EndOfDataHook.NONE))
                    .isInstanceOf(InvalidEnvelopeException.class).hasMessageContaining("8BITMIME");
        }
    }

    private ReceivedMessage sendAndReceive(String text) throws Exception {
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThat(c.send(Envelope.of("s@example.com", "r@example.com"), body(text), EndOfDataHook.NONE).accepted())
                    .isTrue();
        }
        return server.messages().get(0);
    }
}

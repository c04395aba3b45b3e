package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.plain;
import static org.broadside.delivery.smtp.SmtpTestSupport.simpleBody;

import java.time.Duration;
import org.broadside.delivery.smtp.SmtpTestSupport.RecordingListener;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionSetupTest {
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
    void slowGreetingWithinTheTimeoutIsAccepted() throws Exception {
        server.greetingDelay(Duration.ofMillis(300));
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThat(c.greeting().code()).isEqualTo(220);
        }
    }

    @Test
    void ehloUsesTheCallersNameAndCapabilitiesAreRead() throws Exception {
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThat(server.commandLines()).first().isEqualTo("EHLO client.broadside.test");
            assertThat(c.capabilities().pipelining()).isTrue();
            assertThat(c.capabilities().enhancedStatusCodes()).isTrue();
            assertThat(c.tls()).isNull();
        }
    }

    @Test
    void ehloNameMustBeGivenByTheCaller() {
        assertThatThrownBy(() -> SmtpEndpoint.plain("localhost", 25, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpEndpoint.plain("localhost", 25, "bad name\r\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opportunisticStartTlsStaysPlainWhenNotOffered() throws Exception {
        try (SmtpConnection c = SmtpConnection.open(plain(server).withSecurity(Security.STARTTLS_IF_OFFERED), FAST, null)) {
            assertThat(c.tls()).isNull();
            assertThat(c.isUsable()).isTrue();
        }
    }

    @Test
    void throwingListenerDoesNotBreakDelivery() throws Exception {
        ProtocolListener broken = (d, t) -> {
            throw new IllegalStateException("listener bug");
        };
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, broken)) {
            assertThat(c.send(Envelope.of("s@example.com", "r@example.com"), simpleBody(), EndOfDataHook.NONE).accepted())
                    .isTrue();
        }
    }

    @Test
    void listenerSeesEveryCommandAndReplyLine() throws Exception {
        RecordingListener log = new RecordingListener();
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, log)) {
            c.send(Envelope.of("s@example.com", "r@example.com"), simpleBody(), EndOfDataHook.NONE);
            c.quit();
        }
        assertThat(log.lines).contains("SERVER: 220 scripted.test ESMTP ready", "CLIENT: EHLO client.broadside.test",
                "SERVER: 250-PIPELINING", "CLIENT: MAIL FROM:<s@example.com>", "CLIENT: RCPT TO:<r@example.com>",
                "CLIENT: DATA", "SERVER: 354 End data with <CR><LF>.<CR><LF>", "CLIENT: .", "CLIENT: QUIT");
    }

    @Test
    void extraLineAfterTheReceiptMakesTheOutcomeUnknown() throws Exception {
        server.on(Stage.END_OF_DATA).reply("250 2.0.0 Ok: queued as A1").thenSend("550 5.7.1 Actually rejected");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            SmtpProtocolException e = catchThrowableOfType(SmtpProtocolException.class, () -> c.send(Envelope.of("s@example.com", "r@example.com"), simpleBody(), EndOfDataHook.NONE));

            assertThat(e.endOfDataSent()).isTrue();
        }
    }

    @Test
    void sendOnAClosedConnectionFailsClearly() throws Exception {
        SmtpConnection c = SmtpConnection.open(plain(server), FAST, null);
        c.quit();

        assertThat(c.isUsable()).isFalse();
        assertThatThrownBy(() -> c.send(Envelope.of("s@example.com", "r@example.com"), simpleBody(), EndOfDataHook.NONE))
                .isInstanceOf(SmtpConnectionLostException.class).hasMessageContaining("no longer usable");
    }
}

package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.plain;
import static org.broadside.delivery.smtp.SmtpTestSupport.simpleBody;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionFaultsTest {
    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"GREETING", "EHLO"})
    void server421DuringSetupThrowsServerClosing(Stage stage) {
        server.on(stage).reply("421 4.3.2 Service shutting down");

        ServerClosingException e = catchThrowableOfType(ServerClosingException.class, () -> SmtpConnection.open(plain(server), FAST, null));

        assertThat(e.stage()).isEqualTo(stage);
        assertThat(e.reply().code()).isEqualTo(421);
        assertThat(e.endOfDataSent()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"MAIL", "RCPT", "DATA", "END_OF_DATA"})
    void server421DuringTransactionClosesTheConnection(Stage stage) throws Exception {
        server.pipelining(false);
        server.on(stage).reply("421 4.7.0 Too many messages, closing");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            ServerClosingException e = catchThrowableOfType(ServerClosingException.class, () -> c.send(Envelope.of("s@example.com", "x@example.com"), simpleBody(), EndOfDataHook.NONE));

            assertThat(e.stage()).isEqualTo(stage);
            assertThat(e.endOfDataSent()).isEqualTo(stage == Stage.END_OF_DATA);
            assertThat(c.isUsable()).isFalse();
        }
    }

    @Test
    void server421DuringAuthThrowsServerClosingBeforeAnyMessage() {
        server.auth("u", "p", "PLAIN");
        server.on(Stage.AUTH).reply("421 4.7.0 Too many login attempts");

        ServerClosingException e = catchThrowableOfType(ServerClosingException.class, () -> SmtpConnection.open(
                plain(server).withAuth(AuthMechanism.PLAIN, "u", "p"::toCharArray), FAST, null));

        assertThat(e.stage()).isEqualTo(Stage.AUTH);
    }

    @Test
    void server421ToPipelinedRecipientThrowsServerClosing() throws Exception {
        server.on(Stage.RCPT).reply("421 4.7.0 closing");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThatThrownBy(() -> c.send(Envelope.of("s@example.com", "x@example.com"), simpleBody(), EndOfDataHook.NONE))
                    .isInstanceOf(ServerClosingException.class);
        }
    }

    @Test
    void disconnectBeforeEndOfDataSaysTheDotWasNotSent() throws Exception {
        server.on(Stage.DATA).disconnect();
        AtomicBoolean hookCalled = new AtomicBoolean();
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            SmtpConnectionLostException e = catchThrowableOfType(SmtpConnectionLostException.class, () -> c.send(Envelope.of("s@example.com", "x@example.com"), simpleBody(), () -> hookCalled.set(true)));

            assertThat(e.endOfDataSent()).isFalse();
            assertThat(hookCalled).isFalse();
        }
    }

    @Test
    void disconnectWhileTheBodyIsWrittenSaysTheDotWasNotSent() throws Exception {
        server.on(Stage.BODY).disconnect();
        byte[] big = new byte[8 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            SmtpException e = catchThrowableOfType(SmtpException.class, () -> c.send(Envelope.of("s@example.com", "x@example.com"), MessageBody.of(big), EndOfDataHook.NONE));

            assertThat(e).isInstanceOf(SmtpConnectionLostException.class);
            assertThat(e.endOfDataSent()).isFalse();
        }
    }

    @Test
    void disconnectAfterEndOfDataSaysTheDotWasSent() throws Exception {
        server.on(Stage.END_OF_DATA).disconnect();
        AtomicBoolean hookCalled = new AtomicBoolean();
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            SmtpConnectionLostException e = catchThrowableOfType(SmtpConnectionLostException.class, () -> c.send(Envelope.of("s@example.com", "x@example.com"), simpleBody(), () -> hookCalled.set(true)));

            assertThat(e.endOfDataSent()).isTrue();
            assertThat(e.stage()).isEqualTo(Stage.END_OF_DATA);
            assertThat(hookCalled).isTrue();
        }
    }

    @Test
    void failingEndOfDataHookStopsBeforeTheDot() throws Exception {
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            EndOfDataHookException e = catchThrowableOfType(EndOfDataHookException.class, () -> c.send(Envelope.of("s@example.com", "x@example.com"), simpleBody(), () -> {
                        throw new java.io.IOException("disk full");
                    }));

            assertThat(e.endOfDataSent()).isFalse();
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void missingGreetingTimesOut() {
        server.noGreeting();
        SmtpTimeouts t = FAST.cappedAt(Duration.ofMillis(500));
        long start = System.nanoTime();

        SmtpTimeoutException e = catchThrowableOfType(SmtpTimeoutException.class, () -> SmtpConnection.open(plain(server), t, null));

        assertThat(e.stage()).isEqualTo(Stage.GREETING);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void tricklingServerHitsTheTransactionDeadline() throws Exception {
        server.pipelining(false);
        server.on(Stage.MAIL).reply("250 2.1.0 Sender ok, taking my time about it").trickle(Duration.ofMillis(100));
        SmtpTimeouts t = SmtpTimeouts.rfc5321().cappedAt(Duration.ofSeconds(30)).withTransactionDeadline(Duration.ofSeconds(1));
        try (SmtpConnection c = SmtpConnection.open(plain(server), t, null)) {
            long start = System.nanoTime();
            SmtpTimeoutException e = catchThrowableOfType(SmtpTimeoutException.class, () -> c.send(Envelope.of("s@example.com", "x@example.com"), simpleBody(), EndOfDataHook.NONE));

            assertThat(e).hasMessageContaining("deadline");
            assertThat(e.stage()).isEqualTo(Stage.MAIL);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void greetingRejectionIsReported() {
        server.greeting("554 5.7.1 You are not welcome");
        assertThatThrownBy(() -> SmtpConnection.open(plain(server), FAST, null))
                .isInstanceOf(SmtpRejectedException.class)
                .hasMessageContaining("refused the connection");
    }

    @Test
    void connectionRefusedIsReportedAtConnect() {
        // Port 1 (tcpmux) is privileged and unused on loopback; an ephemeral port could be reused by a parallel test.
        SmtpException e = catchThrowableOfType(SmtpException.class, () -> SmtpConnection.open(SmtpEndpoint.plain("127.0.0.1", 1, "client.broadside.test"), FAST, null));
        assertThat(e.stage()).isEqualTo(Stage.CONNECT);
    }
}

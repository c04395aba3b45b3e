package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.plain;
import static org.broadside.delivery.smtp.SmtpTestSupport.simpleBody;

import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StrictRepliesTest {
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
    void multiLineReplyWhoseLastLineRejectsIsAProtocolErrorNotAnAcceptance() throws Exception {
        server.onRcpt("x@example.com").reply("250-2.1.5 Looks fine", "550 5.1.1 But no");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThatThrownBy(() -> c.send(Envelope.of("s@example.com", "x@example.com"), simpleBody(), EndOfDataHook.NONE))
                    .isInstanceOf(SmtpProtocolException.class)
                    .hasMessageContaining("different codes")
                    .satisfies(e -> assertThat(((SmtpException) e).endOfDataSent()).isFalse());
            assertThat(c.isUsable()).isFalse();
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void strayLineAfter354IsAProtocolErrorAndTheBodyIsNotSent() throws Exception {
        server.on(Stage.DATA).reply("354 go ahead").thenSend("250 2.0.0 Ok: queued as FAKE");
        server.on(Stage.END_OF_DATA).reply("554 5.7.1 Rejected");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThatThrownBy(() -> c.send(Envelope.of("s@example.com", "x@example.com"), simpleBody(), EndOfDataHook.NONE))
                    .isInstanceOf(SmtpProtocolException.class)
                    .hasMessageContaining("nobody asked for")
                    .satisfies(e -> assertThat(((SmtpException) e).endOfDataSent()).isFalse());
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void oneMegabyteReplyLineIsRejectedWithoutBufferingIt() throws Exception {
        server.on(Stage.EHLO).hugeLine(1024 * 1024);
        long before = usedHeap();
        assertThatThrownBy(() -> SmtpConnection.open(plain(server), FAST, null))
                .isInstanceOf(SmtpProtocolException.class)
                .hasMessageContaining("longer than 4096 bytes");
        // The reader's buffer is fixed (16 KB): it stops long before the megabyte arrives.
        assertThat(usedHeap() - before).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void replyWithMoreThanAHundredLinesIsRejected() throws Exception {
        String[] lines = new String[150];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "250" + (i == lines.length - 1 ? " " : "-") + "LINE" + i;
        }
        server.on(Stage.EHLO).reply(lines);
        assertThatThrownBy(() -> SmtpConnection.open(plain(server), FAST, null))
                .isInstanceOf(SmtpProtocolException.class)
                .hasMessageContaining("more than 100 lines");
    }

    @Test
    void malformedReplyCodeIsAProtocolError() throws Exception {
        server.on(Stage.MAIL).reply("2x0 what");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThatThrownBy(() -> c.send(Envelope.of("s@example.com", "x@example.com"), simpleBody(), EndOfDataHook.NONE))
                    .isInstanceOf(SmtpProtocolException.class);
        }
    }

    @Test
    void dataAnsweredWith250InsteadOf354IsAProtocolError() throws Exception {
        server.pipelining(false);
        server.on(Stage.DATA).reply("250 2.0.0 Ok");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThatThrownBy(() -> c.send(Envelope.of("s@example.com", "x@example.com"), simpleBody(), EndOfDataHook.NONE))
                    .isInstanceOf(SmtpProtocolException.class)
                    .hasMessageContaining("instead of 354");
        }
    }

    @Test
    void heloFallbackWhenEhloIsNotUnderstood() throws Exception {
        server.on(Stage.EHLO).reply("502 5.5.2 EHLO not implemented");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThat(c.capabilities().esmtp()).isFalse();
            assertThat(server.commandLines()).contains("HELO client.broadside.test");
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}

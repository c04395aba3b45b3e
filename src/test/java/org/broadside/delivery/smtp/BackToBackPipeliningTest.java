package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.body;
import static org.broadside.delivery.smtp.SmtpTestSupport.plain;

import java.util.List;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.broadside.testing.smtp.ScriptedSmtpServer.ReceivedCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackToBackPipeliningTest {
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
    void nextMessagesCommandsRideBehindTheFinalDot() throws Exception {
        Envelope e1 = Envelope.of("s@example.com", "a@example.com");
        Envelope e2 = Envelope.of("s@example.com", "b@example.com");
        Envelope e3 = Envelope.of("s@example.com", "c@example.com");
        MessageBody b1 = body("Subject: 1\n\none\n");
        MessageBody b2 = body("Subject: 2\n\ntwo\n");
        MessageBody b3 = body("Subject: 3\n\nthree\n");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThat(c.send(e1, b1, EndOfDataHook.NONE, e2, b2).accepted()).isTrue();
            assertThat(c.send(e2, b2, EndOfDataHook.NONE, e3, b3).accepted()).isTrue();
            assertThat(c.send(e3, b3, EndOfDataHook.NONE).accepted()).isTrue();
            c.quit();
        }
        assertThat(server.messages()).extracting(m -> m.recipients().get(0))
                .containsExactly("a@example.com", "b@example.com", "c@example.com");
        List<ReceivedCommand> cmds = server.receivedCommands();
        int firstDot = indexOf(cmds, ".", 0);
        assertThat(cmds.get(firstDot + 1).line()).isEqualTo("MAIL FROM:<s@example.com>");
        assertThat(cmds.get(firstDot + 1).read()).isEqualTo(cmds.get(firstDot).read());
    }

    @Test
    void quitAfterWritingAheadAbortsWithoutAnEmptyMessage() throws Exception {
        Envelope e1 = Envelope.of("s@example.com", "a@example.com");
        Envelope e2 = Envelope.of("s@example.com", "b@example.com");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            c.send(e1, body("x\n"), EndOfDataHook.NONE, e2, body("y\n"));
            c.quit();
        }
        Thread.sleep(200);
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void sendingAnotherMessageThanTheOneWrittenAheadIsRefused() throws Exception {
        Envelope e1 = Envelope.of("s@example.com", "a@example.com");
        Envelope e2 = Envelope.of("s@example.com", "b@example.com");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            c.send(e1, body("x\n"), EndOfDataHook.NONE, e2, body("y\n"));

            assertThatThrownBy(() -> c.send(e1, body("x\n"), EndOfDataHook.NONE)).isInstanceOf(IllegalStateException.class);
            assertThat(c.isUsable()).isFalse();
        }
    }

    @Test
    void withoutServerPipeliningNothingIsWrittenAhead() throws Exception {
        server.pipelining(false);
        Envelope e1 = Envelope.of("s@example.com", "a@example.com");
        Envelope e2 = Envelope.of("s@example.com", "b@example.com");
        MessageBody b2 = body("y\n");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            c.send(e1, body("x\n"), EndOfDataHook.NONE, e2, b2);
            assertThat(c.send(e2, b2, EndOfDataHook.NONE).accepted()).isTrue();
        }
        List<ReceivedCommand> cmds = server.receivedCommands();
        int firstDot = indexOf(cmds, ".", 0);
        assertThat(cmds.get(firstDot + 1).read()).isGreaterThan(cmds.get(firstDot).read());
    }

    private static int indexOf(List<ReceivedCommand> cmds, String line, int from) {
        for (int i = from; i < cmds.size(); i++) {
            if (cmds.get(i).line().equals(line)) {
                return i;
            }
        }
        return -1;
    }
}

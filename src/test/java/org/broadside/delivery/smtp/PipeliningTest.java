package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.plain;
import static org.broadside.delivery.smtp.SmtpTestSupport.simpleBody;

import java.util.List;
import java.util.stream.Collectors;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.broadside.testing.smtp.ScriptedSmtpServer.ReceivedCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipeliningTest {
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
    void withPipeliningMailRcptAndDataArriveInOneWrite() throws Exception {
        sendToThree();

        List<Integer> reads = readsOf("MAIL", "RCPT", "DATA");
        assertThat(reads).hasSize(5);
        assertThat(reads.stream().distinct()).hasSize(1);
    }

    @Test
    void withoutPipeliningEachCommandWaitsForItsReply() throws Exception {
        server.pipelining(false);
        sendToThree();

        List<Integer> reads = readsOf("MAIL", "RCPT", "DATA");
        assertThat(reads).hasSize(5);
        assertThat(reads.stream().distinct()).hasSize(5);
    }

    @Test
    void pipelinedRepliesAreMatchedToTheirRecipients() throws Exception {
        server.onRcpt("b@example.com").reply("550 5.1.1 No such user");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            TransactionResult r = c.send(Envelope.of("s@example.com", "a@example.com", "b@example.com", "c@example.com"),
                    simpleBody(), EndOfDataHook.NONE);
            assertThat(r.rcptReplies()).extracting(RecipientReply::address, RecipientReply::accepted)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a@example.com", true),
                            org.assertj.core.groups.Tuple.tuple("b@example.com", false),
                            org.assertj.core.groups.Tuple.tuple("c@example.com", true));
        }
    }

    private void sendToThree() throws Exception {
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            assertThat(c.send(Envelope.of("s@example.com", "a@example.com", "b@example.com", "c@example.com"),
                    simpleBody(), EndOfDataHook.NONE).accepted()).isTrue();
        }
    }

    private List<Integer> readsOf(String... verbs) {
        return server.receivedCommands().stream()
                .filter(c -> List.of(verbs).contains(c.line().split("[ :]")[0]))
                .map(ReceivedCommand::read)
                .collect(Collectors.toList());
    }
}

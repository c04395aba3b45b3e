package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.plain;
import static org.broadside.delivery.smtp.SmtpTestSupport.simpleBody;

import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecipientRepliesTest {
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
    void unknownMailboxFailsFullMailboxIsDeferredAndTheOthersAreAccepted() throws Exception {
        server.onRcpt("ghost@example.com").reply("550 5.1.1 No such user");
        server.onRcpt("busy@example.com").reply("452 4.2.2 Mailbox full");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            TransactionResult r = c.send(Envelope.of("s@example.com", "ok@example.com", "ghost@example.com",
                    "busy@example.com"), simpleBody(), EndOfDataHook.NONE);

            assertThat(r.accepted()).isTrue();
            assertThat(r.rcptReplies()).extracting(RecipientReply::accepted).containsExactly(true, false, false);
            assertThat(r.rcptReplies().get(1).reply().permanentFailure()).isTrue();
            assertThat(r.rcptReplies().get(1).reply().enhancedCode()).isEqualTo("5.1.1");
            assertThat(r.rcptReplies().get(2).reply().transientFailure()).isTrue();
            assertThat(server.messages()).singleElement()
                    .satisfies(m -> assertThat(m.recipients()).containsExactly("ok@example.com"));
        }
    }

    @Test
    void receiptCarriesTheQueueId() throws Exception {
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            TransactionResult r = c.send(Envelope.of("s@example.com", "ok@example.com"), simpleBody(), EndOfDataHook.NONE);

            assertThat(r.endOfDataReply().queueId()).isEqualTo("Q1");
        }
    }

    @Test
    void allRecipientsRejectedStopsBeforeDataAndResetsTheConnection() throws Exception {
        server.onRcpt("ghost@example.com").reply("550 5.1.1 No such user");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            TransactionResult r = c.send(Envelope.of("s@example.com", "ghost@example.com"), simpleBody(), EndOfDataHook.NONE);

            assertThat(r.failedAt()).isEqualTo(Stage.RCPT);
            assertThat(r.endOfDataReply()).isNull();
            assertThat(c.isUsable()).isTrue();
            assertThat(server.commandLines()).contains("RSET");
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void tooManyRecipients552IsTreatedAs452() throws Exception {
        server.onRcpt("many@example.com").reply("552 5.5.3 Too many recipients");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            TransactionResult r = c.send(Envelope.of("s@example.com", "ok@example.com", "many@example.com"),
                    simpleBody(), EndOfDataHook.NONE);

            Reply many = r.rcptReplies().get(1).reply();
            assertThat(many.code()).isEqualTo(452);
            assertThat(many.transientFailure()).isTrue();
        }
    }

    @Test
    void rejectedSenderFailsAtMailAndConnectionStaysUsable() throws Exception {
        server.on(Stage.MAIL).reply("553 5.7.1 Sender not allowed");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            TransactionResult r = c.send(Envelope.of("s@example.com", "ok@example.com"), simpleBody(), EndOfDataHook.NONE);

            assertThat(r.failedAt()).isEqualTo(Stage.MAIL);
            assertThat(r.accepted()).isFalse();
        }
    }

    @Test
    void rejectedEndOfDataIsNotAccepted() throws Exception {
        server.on(Stage.END_OF_DATA).reply("554 5.7.1 Message rejected as spam");
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            TransactionResult r = c.send(Envelope.of("s@example.com", "ok@example.com"), simpleBody(), EndOfDataHook.NONE);

            assertThat(r.accepted()).isFalse();
            assertThat(r.failedAt()).isEqualTo(Stage.END_OF_DATA);
            assertThat(r.decisiveReply().code()).isEqualTo(554);
        }
    }

    @Test
    void connectionCarriesSeveralMessages() throws Exception {
        try (SmtpConnection c = SmtpConnection.open(plain(server), FAST, null)) {
            for (int i = 0; i < 5; i++) {
                assertThat(c.send(Envelope.of("s@example.com", "r" + i + "@example.com"), simpleBody(),
                        EndOfDataHook.NONE).accepted()).isTrue();
            }
            c.quit();
        }
        assertThat(server.messages()).hasSize(5);
        assertThat(server.commandLines()).endsWith("QUIT");
    }
}

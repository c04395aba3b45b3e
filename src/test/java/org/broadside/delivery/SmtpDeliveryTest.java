package org.broadside.delivery;

import org.broadside.delivery.smtp.Stage;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.RecipientState.*;

/** The engine over the real SMTP client against a fault-injecting server: each fault lands in the right state. */
class SmtpDeliveryTest {
    private final EngineFixture f = new EngineFixture();
    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private AccountLane lane(int connections) {
        return EngineFixture.scriptedLane(server, connections);
    }

    @Test
    void perRecipientRepliesBecomeSentFailedAndDeferredWithTheirReceipts() throws Exception {
        f.withContacts("ok@example.com", "ghost@example.com", "busy@example.com").frozen();
        server.onRcpt("ghost@example.com").reply("550 5.1.1 No such user");
        server.onRcpt("busy@example.com").reply("452 4.2.2 Mailbox full");
        f.run(lane(1));
        assertThat(f.state("ok@example.com")).isEqualTo(SENT);
        assertThat(f.row("ok@example.com").queueId()).isNotBlank();
        assertThat(f.state("ghost@example.com")).isEqualTo(FAILED);
        assertThat(f.row("ghost@example.com").enhancedCode()).isEqualTo("5.1.1");
        assertThat(f.state("busy@example.com")).isEqualTo(DEFERRED);
        assertThat(f.row("busy@example.com").code()).isEqualTo(452);
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void disconnectAfterEndOfDataIsUnknown() throws Exception {
        f.withContacts("a@example.com").frozen();
        server.on(Stage.END_OF_DATA).disconnect();
        f.run(lane(1));
        assertThat(f.state("a@example.com")).isEqualTo(UNKNOWN);
        assertThat(f.row("a@example.com").reply()).contains("may have accepted");
    }

    @Test
    void disconnectBeforeEndOfDataIsDeferred() throws Exception {
        f.withContacts("a@example.com").frozen();
        server.on(Stage.DATA).disconnect();
        f.run(lane(1));
        assertThat(f.state("a@example.com")).isEqualTo(DEFERRED);
        assertThat(f.row("a@example.com").reply()).contains("before end of data");
    }

    @Test
    void serverClosingWith421IsDeferredWithTheCode() throws Exception {
        f.withContacts("a@example.com").frozen();
        server.on(Stage.MAIL).reply("421 4.7.0 Too many connections, closing");
        f.run(lane(1));
        assertThat(f.state("a@example.com")).isEqualTo(DEFERRED);
        assertThat(f.row("a@example.com").code()).isEqualTo(421);
    }

    @Test
    void multiLineReplyWhoseLastLineRejectsIsNeverSent() throws Exception {
        f.withContacts("a@example.com").frozen();
        server.on(Stage.END_OF_DATA).reply("250-ok so far", "550 5.7.1 rejected after all");
        f.run(lane(1));
        assertThat(f.state("a@example.com")).isNotEqualTo(SENT);
    }

    @Test
    void strayLineAfter354StopsTheMessageBeforeItsBody() throws Exception {
        f.withContacts("a@example.com").frozen();
        server.on(Stage.DATA).reply("354 go ahead").thenSend("250 2.0.0 fake acceptance");
        f.run(lane(1));
        assertThat(f.state("a@example.com")).isEqualTo(DEFERRED);
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void manyRecipientsOverSeveralConnectionsAreAllSentOnce() throws Exception {
        String[] emails = new String[200];
        for (int i = 0; i < emails.length; i++) emails[i] = "u" + i + "@example.com";
        f.withContacts(emails).frozen();
        RunResult r = f.run(lane(4));
        assertThat(r.progress().count(SENT)).isEqualTo(200);
        assertThat(server.messages()).hasSize(200);
        assertThat(server.messages().stream().map(m -> m.recipients().get(0)).distinct()).hasSize(200);
    }

    @Test
    void connectionLogKeepsEveryLineWithItsRecipient() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        f.run(lane(1));
        java.util.List<LogLine> lines = new java.util.ArrayList<>();
        f.campaigns.forEachLogLine(f.campaign.id(), 0, 0, lines::add);
        assertThat(lines).anySatisfy(l -> assertThat(l.text()).startsWith("220"));
        long bId = f.row("b@example.com").id();
        assertThat(lines.stream().filter(l -> l.recipientId() == bId).map(LogLine::text))
                .anySatisfy(t -> assertThat(t).contains("RCPT TO:<b@example.com>"))
                .noneSatisfy(t -> assertThat(t).contains("a@example.com"));
    }
}

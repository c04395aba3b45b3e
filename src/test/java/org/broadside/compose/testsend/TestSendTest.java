package org.broadside.compose.testsend;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.compose.CampaignSender;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.RecipientState;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestSendTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void theTestIsTheRecipientsMergedMessageAddressedToTheTestAddressWithThePrefix() throws Exception {
        TestSendFixture f = new TestSendFixture(greenMail.getSmtp().getPort());
        List<TestReceipt> seen = new ArrayList<>();

        List<TestReceipt> receipts = new TestSend(f.db, new InMemoryCredentialStore()).send(
                new TestSend.Request(f.doc, List.of(f.contact("zoe@example.com")), List.of("me@test.example"), true), seen::add, () -> false);

        assertThat(receipts).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(TestOutcome.ACCEPTED);
            assertThat(r.receipt()).startsWith("250 ");
            assertThat(r.subject()).isEqualTo("[TEST] Hello Zoë");
        });
        assertThat(seen).isEqualTo(receipts);
        MimeMessage m = greenMail.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("[TEST] Hello Zoë");
        assertThat(m.getHeader("To", ",")).isEqualTo("me@test.example");
        assertThat(greenMail.getReceivedMessagesForDomain("test.example")).hasSize(1);
        assertThat(greenMail.getReceivedMessagesForDomain("example.com")).isEmpty();
        assertThat(new String(m.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isNotEmpty();
        assertThat(m.getHeader("List-Unsubscribe", ",")).contains("https://acme.example/u/");
    }

    @Test
    void aCampaignNeverSentStillHasNoRecipientsAfterATest() throws Exception {
        TestSendFixture f = new TestSendFixture(greenMail.getSmtp().getPort());

        new TestSend(f.db, new InMemoryCredentialStore()).send(new TestSend.Request(f.doc,
                List.of(f.contact("jo@example.com"), f.contact("ann@example.com")), List.of("me@test.example", "boss@test.example"), false),
                r -> { }, () -> false);

        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Hello Jo", "Hello Jo", "Hello Ann", "Hello Ann");
        assertThat(new CampaignRepository(f.db).find(f.doc.uid())).isEmpty();
        assertThat(f.recipientRows()).isEmpty();
    }

    @Test
    void aPartlySentCampaignsRecipientStatesAreTheSameAfterATestAndTheEnvelopeIsTheTestAddress() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            server.onRcpt("ann@example.com").reply("452 4.2.2 Mailbox full");
            TestSendFixture f = new TestSendFixture(server.port());
            CampaignSender.create(f.db, new InMemoryCredentialStore())
                    .start(f.doc, false, false, CampaignSender.PreSendChecks.OVERRIDDEN, new DeliveryListener() { }, Clock.systemUTC())
                    .await();
            List<RecipientRow> before = f.recipientRows();
            assertThat(before).extracting(RecipientRow::state).contains(RecipientState.SENT, RecipientState.DEFERRED);
            int sentBefore = server.messages().size();

            List<TestReceipt> receipts = new TestSend(f.db, new InMemoryCredentialStore()).send(new TestSend.Request(f.doc,
                    List.of(f.contact("ann@example.com")), List.of("me@test.example"), true), r -> { }, () -> false);

            assertThat(receipts).extracting(TestReceipt::outcome).containsExactly(TestOutcome.ACCEPTED);
            assertThat(f.recipientRows()).isEqualTo(before);
            var test = server.messages().get(sentBefore);
            assertThat(test.recipients()).containsExactly("me@test.example");
            assertThat(test.mailFrom()).isEqualTo("news@acme.example");
            assertThat(test.contentText()).contains("Subject: [TEST] Hello Ann").contains("To: me@test.example");
        }
    }

    @Test
    void aRefusedTestAddressShowsTheServersReply() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            server.onRcpt("ghost@test.example").reply("550 5.1.1 No such user");
            TestSendFixture f = new TestSendFixture(server.port());

            List<TestReceipt> receipts = new TestSend(f.db, new InMemoryCredentialStore()).send(new TestSend.Request(f.doc,
                    List.of(f.contact("jo@example.com")), List.of("ghost@test.example", "me@test.example"), true), r -> { }, () -> false);

            assertThat(receipts).extracting(TestReceipt::outcome).containsExactly(TestOutcome.REFUSED, TestOutcome.ACCEPTED);
            assertThat(receipts.get(0).receipt()).isEqualTo("550 5.1.1 No such user");
            assertThat(receipts.get(0).line()).startsWith("FAILED ghost@test.example (as jo@example.com)");
        }
    }

    @Test
    void noServerListeningGivesAConnectionErrorForEveryMessage() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TestSendFixture f = new TestSendFixture(closedPort);

        List<TestReceipt> receipts = new TestSend(f.db, new InMemoryCredentialStore()).send(new TestSend.Request(f.doc,
                List.of(f.contact("jo@example.com"), f.contact("ann@example.com")), List.of("me@test.example"), true), r -> { }, () -> false);

        assertThat(receipts).extracting(TestReceipt::outcome).containsExactly(TestOutcome.NOT_SENT, TestOutcome.NOT_SENT);
        assertThat(receipts).allSatisfy(r -> assertThat(r.receipt()).startsWith("connection error: "));
    }

    @Test
    void cancellingStopsBeforeTheNextMessage() throws Exception {
        TestSendFixture f = new TestSendFixture(greenMail.getSmtp().getPort());
        List<TestReceipt> seen = new ArrayList<>();

        new TestSend(f.db, new InMemoryCredentialStore()).send(new TestSend.Request(f.doc,
                List.of(f.contact("jo@example.com"), f.contact("ann@example.com")), List.of("me@test.example"), true),
                seen::add, () -> !seen.isEmpty());

        assertThat(seen).hasSize(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }
}

package org.broadside.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.CampaignRepository;
import org.broadside.store.Database;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 'broadside send CAMPAIGN --test-to ...': a test of the campaign, with a line per message, leaving the campaign unsent. */
class SendTestCommandTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    final CliFixture cli = new CliFixture();

    Path campaign(int port) throws Exception {
        ContactRepository contacts = new ContactRepository(Database.open(cli.data));
        ContactList list = contacts.createList("Customers", List.of("First Name"));
        contacts.upsert(list.id(), List.of(Contact.of("jo@example.com", Map.of("First Name", "Jo")),
                Contact.of("zoe@example.com", Map.of("First Name", "Zoë"))));
        assertThat(cli.run("account", "add", "Local", "--host", "127.0.0.1", "--port", Integer.toString(port), "--security", "none")).as(cli.err()).isZero();
        Path file = cli.data.resolve("spring.json");
        Files.writeString(file, """
                {"id": "spring-2026", "name": "Spring news", "account": "Local", "list": "Customers",
                 "from": "Acme News <news@acme.example>", "subject": "Hello [First Name]", "text": "Dear [First Name]"}
                """);
        return file;
    }

    @Test
    void aTestMergedAsAChosenRecipientGoesToTheTestAddressOnly() throws Exception {
        Path file = campaign(greenMail.getSmtp().getPort());

        int exit = cli.run("send", file.toString(), "--test-to", "me@test.example", "--test-as", "zoe@example.com");

        assertThat(exit).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("merged as zoe@example.com to me@test.example")
                .contains("sent   me@test.example (as zoe@example.com) \"[TEST] Hello Zoë\": 250 ");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("[TEST] Hello Zoë"));
        assertThat(new CampaignRepository(Database.open(cli.data)).find("spring-2026")).isEmpty();
    }

    @Test
    void withoutTestAsTheFirstRecipientIsMergedAndThePrefixCanBeLeftOut() throws Exception {
        Path file = campaign(greenMail.getSmtp().getPort());

        assertThat(cli.run("send", file.toString(), "--test-to", "me@test.example", "--no-test-prefix")).as(cli.out() + cli.err()).isZero();

        assertThat(cli.out()).contains("merged as jo@example.com");
        assertThat(greenMail.getReceivedMessages()).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("Hello Jo"));
    }

    @Test
    void aRefusedTestPrintsTheReplyAndExitsNonZero() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            server.onRcpt("ghost@test.example").reply("550 5.1.1 No such user");
            Path file = campaign(server.port());

            int exit = cli.run("send", file.toString(), "--test-to", "ghost@test.example");

            assertThat(exit).isEqualTo(ExitCodes.FINDINGS);
            assertThat(cli.out()).contains("FAILED ghost@test.example (as jo@example.com) \"[TEST] Hello Jo\": 550 5.1.1 No such user")
                    .contains("1 of 1 test messages were not accepted.");
        }
    }

    @Test
    void anUnknownTestAsRecipientIsBadInput() throws Exception {
        Path file = campaign(greenMail.getSmtp().getPort());

        assertThat(cli.run("send", file.toString(), "--test-to", "me@test.example", "--test-as", "nobody@example.com")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("nobody@example.com is not a recipient of the list Customers");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}

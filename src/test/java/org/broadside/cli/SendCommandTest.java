package org.broadside.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole command-line path against a real SMTP server (GreenMail): import, account, check, send, report, log. */
class SendCommandTest {
    static final String PASSWORD = "S3cret-Pa55word!";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    final CliFixture cli = new CliFixture();
    Path campaign;

    @BeforeEach
    void setUp() throws IOException {
        greenMail.setUser("sender@acme.example", "sender", PASSWORD);
        cli.env.put("BROADSIDE_CREDENTIALS", "file");
        cli.env.put("BROADSIDE_PASSPHRASE", "correct horse battery staple");
        cli.env.put("SMTP_PASSWORD", PASSWORD);
        ContactRepository contacts = new ContactRepository(Database.open(cli.data));
        ContactList list = contacts.createList("Customers", List.of("First Name", "Gender", "Surname"));
        contacts.upsert(list.id(), List.of(
                Contact.of("jo@example.com", Map.of("First Name", "Jo", "Gender", "M", "Surname", "Smith")),
                Contact.of("ann@example.com", Map.of("First Name", "Ann", "Gender", "F")),
                Contact.of("bob@example.com", Map.of("Gender", "M", "Surname", "Brown"))));
        int port = greenMail.getSmtp().getPort();
        assertThat(cli.run("account", "add", "Local", "--host", "127.0.0.1", "--port", Integer.toString(port), "--security", "none",
                "--auth", "plain", "--user", "sender", "--password-env", "SMTP_PASSWORD", "--connections", "2")).as(cli.err()).isZero();
        campaign = cli.data.resolve("spring.json");
        Files.writeString(campaign, """
                {
                  "id": "spring-2026",
                  "name": "Spring news",
                  "account": "Local",
                  "list": "Customers",
                  "from": "Acme News <sender@acme.example>",
                  "subject": "Hello [First Name|friend]",
                  "html": "<p><IF [[Gender]] = \\"M\\" <AND> [[Surname]] <> \\"\\">Dear Mr. [Surname],<ELSE>Dear [First Name|friend],</IF></p><p><a href=\\"[Unsubscribe]\\">Unsubscribe</a></p>",
                  "unsubscribe": {"url": "https://acme.example/u/[Token]"}
                }
                """);
    }

    @Test
    void sendDeliversEveryRecipientAndExitsZero() throws Exception {
        assertThat(cli.run("check", "--no-dns", campaign.toString())).as(cli.out()).isZero();
        assertThat(cli.run("send", "--no-dns", campaign.toString())).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("sent 3");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(Stream.of(received).map(m -> subject(m))).containsExactlyInAnyOrder("Hello Jo", "Hello Ann", "Hello friend");
        String jo = Stream.of(received).filter(m -> subject(m).equals("Hello Jo")).map(SendCommandTest::body).findFirst().orElseThrow();
        assertThat(jo).contains("Dear Mr. Smith,").doesNotContain("<IF");
        assertThat(Stream.of(received).map(m -> header(m, "List-Unsubscribe-Post"))).containsOnly("List-Unsubscribe=One-Click");
    }

    @Test
    void aSendWhileAnotherComputerSendsTheCampaignSendsNothingAndSaysWhoSends() throws Exception {
        assertThat(cli.run("check", "--no-dns", campaign.toString())).as(cli.out()).isZero();
        Database db = Database.open(cli.data);
        var campaigns = new org.broadside.delivery.CampaignRepository(db);
        long id = campaigns.findOrCreate("spring-2026", "Spring news", campaign.toString()).id();
        new org.broadside.delivery.SendingRuns(db).start(id, "Spring news",
                new org.broadside.store.ProcessIdentity("office-pc.example", 5150, 1), java.time.Duration.ofSeconds(30));

        assertThat(cli.run("send", "--no-dns", campaign.toString())).isEqualTo(ExitCodes.INCOMPLETE);

        assertThat(cli.err()).contains("broadside: not sent: \"Spring news\" is being sent by process 5150 on office-pc.example");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void runningAgainSendsNothingMore() throws Exception {
        assertThat(cli.run("send", "--no-dns", campaign.toString())).isZero();
        assertThat(cli.run("send", "--no-dns", campaign.toString())).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void reportHasOneRowPerRecipientWithTheReceipt() throws Exception {
        cli.run("send", "--no-dns", campaign.toString());
        Path csv = cli.data.resolve("report.csv");
        assertThat(cli.run("report", campaign.toString(), "--csv", csv.toString())).as(cli.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("email,state,code,enhanced_code,reply,queue_id,attempts,message_id,account,updated_at,sent_by");
        assertThat(lines).hasSize(4);
        String me = org.broadside.delivery.SentBy.of(org.broadside.store.ProcessIdentity.self()).label();
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).contains(",SENT,250,").contains(",1,<").contains(",Local,")
                .endsWith("," + me));
        assertThat(cli.out()).as("one sender: the CSV names it, the summary has nothing to compare").doesNotContain("Sent by");
    }

    @Test
    void reportWritesTheOnePageHtmlSummaryAndRefusesWithoutATarget() throws Exception {
        cli.run("send", "--no-dns", campaign.toString());
        Path html = cli.data.resolve("summary.html");
        assertThat(cli.run("report", campaign.toString(), "--html", html.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Wrote the summary of 3 recipients");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(Files.readString(html));
        assertThat(page.select(".card b").first().text()).isEqualTo("3");
        assertThat(page.html()).contains("<svg").doesNotContain("http://").doesNotContain("<script");
        assertThat(cli.run("report", campaign.toString())).isNotZero();
        assertThat(cli.err()).contains("--csv FILE, --html FILE, or both");
    }

    @Test
    void logShowsTheConversationWithRepliesExplainedAndCredentialsHidden() throws Exception {
        cli.run("send", "--no-dns", campaign.toString());
        assertThat(cli.run("log", campaign.toString(), "--recipient", "ann@example.com")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("C: RCPT TO:<ann@example.com>").contains("AUTH PLAIN <credentials hidden>")
                .contains("=> ").doesNotContain("jo@example.com");
    }

    @Test
    void passwordNeverAppearsInTheDataDirectoryLogsOrExports() throws Exception {
        cli.run("send", "--no-dns", campaign.toString());
        String sendOutput = cli.out() + cli.err();
        cli.run("log", campaign.toString());
        String log = cli.out();
        cli.run("report", campaign.toString(), "--csv", cli.data.resolve("report.csv").toString());
        List<String> forbidden = List.of(PASSWORD,
                Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(("\0sender\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(("sender\0sender\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(log).contains("AUTH PLAIN");
        for (String secret : forbidden) {
            assertThat(sendOutput).doesNotContain(secret);
            assertThat(log).doesNotContain(secret);
            try (Stream<Path> files = Files.walk(cli.data)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(content).as(f.toString()).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void wrongPasswordPausesTheCampaignWithTheServersReasonAndExitsThree() throws Exception {
        greenMail.setUser("sender@acme.example", "sender", "another password");
        assertThat(cli.run("send", "--no-dns", campaign.toString())).isEqualTo(3);
        assertThat(cli.out()).contains("paused").contains("535");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aFilterThatSelectsNobodySendsNothingStoresNothingAndSaysWhy() throws Exception {
        String original = Files.readString(campaign);
        Files.writeString(campaign, original.replace("\"list\": \"Customers\",", "\"list\": \"Customers\", \"filter\": \"[[Gendr]] = 'F'\","));
        assertThat(cli.run("send", "--no-dns", campaign.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("The filter leaves out all 3 contacts of the list \"Customers\"")
                .contains("[gendr], which the list does not have");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        // Nothing was fixed: with the filter put right, the same campaign takes its recipients from the list.
        Files.writeString(campaign, original.replace("\"list\": \"Customers\",", "\"list\": \"Customers\", \"filter\": \"[[Gender]] = 'F'\","));
        assertThat(cli.run("send", "--no-dns", campaign.toString())).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("sent 1");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void unknownListIsBadInputWithASentence() throws Exception {
        Files.writeString(campaign, Files.readString(campaign).replace("\"Customers\"", "\"Nobody\""));
        assertThat(cli.run("send", "--no-dns", campaign.toString())).isEqualTo(2);
        assertThat(cli.err()).containsIgnoringCase("there is no list named \"Nobody\"");
    }

    @Test
    void campaignWithoutUnsubscribeMethodIsRefusedUnlessOverridden() throws Exception {
        Files.writeString(campaign, Files.readString(campaign).replace("\"unsubscribe\": {\"url\": \"https://acme.example/u/[Token]\"}", "\"subject\": \"Hi\""));
        assertThat(cli.run("send", "--no-dns", campaign.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("pre-send check").contains("unsubscribe");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(cli.run("send", "--no-dns", "--override-checks", campaign.toString())).as(cli.err()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            var mp = (jakarta.mail.Multipart) m.getContent();
            return mp.getBodyPart(1).getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.broadside.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.CampaignRepository;
import org.broadside.store.Database;
import org.broadside.store.TeamStore;
import org.broadside.testing.TeamStoreServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * send, report and log with {@code --store} on a team store (a fresh PostgreSQL database) to a real SMTP
 * server on loopback (GreenMail): the same results as on this computer's store, and nothing written to the latter.
 */
class TeamStoreSendCommandTest {
    static final String PASSWORD = "S3cret-Pa55word!";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    final CliFixture cli = new CliFixture();
    final TeamStore team = TeamStoreServer.freshStore();
    final String url = team.url() + "?user=" + team.user();
    Path campaign;

    @BeforeEach
    void setUp() throws Exception {
        greenMail.setUser("sender@acme.example", "sender", PASSWORD);
        cli.env.put("BROADSIDE_CREDENTIALS", "file");
        cli.env.put("BROADSIDE_PASSPHRASE", "correct horse battery staple");
        cli.env.put("SMTP_PASSWORD", PASSWORD);
        try (Database db = Database.openTeam(cli.data, team)) {
            ContactRepository contacts = new ContactRepository(db);
            ContactList list = contacts.createList("Customers", List.of("First Name"));
            contacts.upsert(list.id(), List.of(
                    Contact.of("jo@example.com", Map.of("First Name", "Jo")),
                    Contact.of("ann@example.com", Map.of("First Name", "Ann")),
                    Contact.of("bob@example.com", Map.of())));
        }
        int port = greenMail.getSmtp().getPort();
        assertThat(onTeamStore("account", "add", "Local", "--host", "127.0.0.1", "--port", Integer.toString(port), "--security", "none",
                "--auth", "plain", "--user", "sender", "--password-env", "SMTP_PASSWORD", "--connections", "2")).as(cli.err()).isZero();
        campaign = campaign("spring");
    }

    private int onTeamStore(String... args) {
        return cli.run(Stream.concat(Stream.of("--store", url), Stream.of(args)).toArray(String[]::new));
    }

    private Path campaign(String id) throws Exception {
        Path file = cli.data.resolve(id + ".json");
        Files.writeString(file, """
                {
                  "id": "%s",
                  "name": "News %s",
                  "account": "Local",
                  "list": "Customers",
                  "from": "Acme News <sender@acme.example>",
                  "subject": "Hello [First Name|friend]",
                  "html": "<p>Dear [First Name|friend],</p><p><a href=\\"[Unsubscribe]\\">Unsubscribe</a></p>",
                  "unsubscribe": {"url": "https://acme.example/u/[Token]"}
                }
                """.formatted(id, id));
        return file;
    }

    @Test
    void sendDeliversEveryRecipientOnceAndTheReportAndLogReadTheTeamStore() throws Exception {
        assertThat(onTeamStore("send", "--no-dns", campaign.toString())).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("sent 3");
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
        assertThat(onTeamStore("send", "--no-dns", campaign.toString())).as(cli.out() + cli.err()).isZero();
        assertThat(greenMail.getReceivedMessages()).as("a second send finds nothing left").hasSize(3);

        Path csv = cli.data.resolve("report.csv");
        assertThat(onTeamStore("report", campaign.toString(), "--csv", csv.toString())).as(cli.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).contains(",SENT,250,").contains(",1,<").contains(",Local,"));
        Path html = cli.data.resolve("summary.html");
        assertThat(onTeamStore("report", campaign.toString(), "--html", html.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Wrote the summary of 3 recipients");

        assertThat(onTeamStore("log", campaign.toString(), "--recipient", "ANN@example.com")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("C: RCPT TO:<ann@example.com>").contains("AUTH PLAIN <credentials hidden>")
                .doesNotContain("jo@example.com");

        try (Database local = Database.open(cli.data)) {
            assertThat(new CampaignRepository(local).find("spring")).as("this computer's store is untouched").isEmpty();
        }
    }

    @Test
    void theReportNamesTheMachineOfEachRecipientWhenTwoMachinesSentTheCampaign() throws Exception {
        assertThat(onTeamStore("send", "--no-dns", campaign.toString())).as(cli.out() + cli.err()).isZero();
        // A second machine sent bob@ (issue 15): its own runs row, and bob's state recorded by that run.
        try (Database db = Database.openTeam(cli.data, team)) {
            db.inTransaction(c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO runs(campaign_id, started_at, ended_at, outcome, host, pid) "
                            + "SELECT id, 1, 2, 'finished', 'laptop', 991 FROM campaigns WHERE uid = 'spring'");
                    s.executeUpdate("UPDATE recipients SET run_id = (SELECT MAX(id) FROM runs) WHERE email = 'bob@example.com'");
                }
                return null;
            });
        }

        Path csv = cli.data.resolve("sent-by.csv");
        assertThat(onTeamStore("report", campaign.toString(), "--csv", csv.toString())).as(cli.err()).isZero();
        String me = org.broadside.delivery.SentBy.of(org.broadside.store.ProcessIdentity.self()).label();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).endsWith(",account,updated_at,sent_by");
        assertThat(lines.subList(1, 4)).filteredOn(l -> l.startsWith("bob@")).singleElement().asString().endsWith(",laptop (process 991)");
        assertThat(lines.subList(1, 4)).filteredOn(l -> !l.startsWith("bob@")).hasSize(2).allSatisfy(l -> assertThat(l).endsWith("," + me));
        assertThat(cli.out()).contains("Sent by: " + me + " 2; laptop (process 991) 1");

        Path html = cli.data.resolve("sent-by.html");
        assertThat(onTeamStore("report", campaign.toString(), "--html", html.toString())).as(cli.err()).isZero();
        assertThat(org.jsoup.Jsoup.parse(Files.readString(html)).select("tr:has(th:containsOwn(Sent by)) td").text())
                .isEqualTo(me + " 2; laptop (process 991) 1");
    }
}

package org.broadside.cli;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** send against a server that refuses connections: says why as it happens, pauses itself and exits 3 within seconds. */
class SendCommandDeadServerTest {
    final CliFixture cli = new CliFixture();
    /** Bound but not listening: connections are refused, and no other server can take the port meanwhile. */
    Socket dead;
    Path campaign;

    @BeforeEach
    void setUp() throws Exception {
        dead = new Socket();
        dead.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ContactRepository contacts = new ContactRepository(Database.open(cli.data));
        ContactList list = contacts.createList("Customers", List.of("First Name"));
        contacts.upsert(list.id(), List.of(Contact.of("jo@example.com", Map.of("First Name", "Jo"))));
        assertThat(cli.run("account", "add", "Work", "--host", "127.0.0.1", "--port", Integer.toString(dead.getLocalPort()),
                "--security", "none", "--max-connection-failures", "2")).as(cli.err()).isZero();
        campaign = cli.data.resolve("spring.json");
        Files.writeString(campaign, """
                {
                  "id": "spring-2026",
                  "name": "Spring news",
                  "account": "Work",
                  "list": "Customers",
                  "from": "Acme News <sender@acme.example>",
                  "subject": "Hello [First Name|friend]",
                  "html": "<p>Hi</p><p><a href=\\"[Unsubscribe]\\">Unsubscribe</a></p>",
                  "unsubscribe": {"url": "https://acme.example/u/[Token]"}
                }
                """);
    }

    @AfterEach
    void tearDown() throws Exception {
        dead.close();
    }

    @Test
    void accountAddKeepsTheFailureLimit() {
        Account work = new AccountRepository(Database.open(cli.data)).find("Work").orElseThrow();
        assertThat(work.maxConnectionFailures()).isEqualTo(2);
    }

    @Test
    void accountAddRejectsAZeroFailureLimitWithASentence() {
        assertThat(cli.run("account", "add", "Work", "--max-connection-failures", "0")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("between 1 and 100");
    }

    @Test
    void sendToARefusingServerPrintsTheCauseAndExitsThreeWithinSeconds() {
        long started = System.nanoTime();
        int exit = cli.run("send", "--no-dns", campaign.toString());
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(exit).as(cli.out() + cli.err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(seconds).isLessThan(8);
        String where = "127.0.0.1:" + dead.getLocalPort();
        assertThat(cli.out())
                .contains("Work: Cannot reach " + where + ": connection refused. Check the server and port of account Work, or your firewall. Next try in 1 s.")
                .contains("Work: Cannot reach " + where + ": connection refused; stopped trying account Work after 2 failed connections in a row.")
                .contains("paused: ")
                .contains("Run the same send command again to resume.")
                .doesNotContain("pending 1  sent 0  (0 msg/s)\npending 1  sent 0  (0 msg/s)");
    }

    @Test
    void logCommandExplainsTheRefusedConnection() {
        cli.run("send", "--no-dns", campaign.toString());
        assertThat(cli.run("log", campaign.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("could not open the connection (refused)").contains("=> nothing accepts connections on this host and port");
        // Each connection says its account first, and the cause once: not again on the failure line.
        String where = "127.0.0.1:" + dead.getLocalPort();
        assertThat(cli.out()).contains("-- account Work").contains("-- could not connect to " + where + ": Connection refused");
        assertThat(cli.out()).doesNotContain("(refused): could not connect");
    }
}

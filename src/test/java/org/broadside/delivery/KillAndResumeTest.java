package org.broadside.delivery;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.AccountSecurity;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash-safety promise, proven the hard way: a child JVM sends a campaign and is killed with SIGKILL at
 * random moments, then restarted until the campaign is done. Every recipient must arrive at least once, and only
 * recipients that were recorded UNKNOWN may arrive twice.
 */
class KillAndResumeTest {
    static final int RECIPIENTS = 2000;
    static final int CONNECTIONS = 4;

    @RegisterExtension
    static GreenMailExtension server = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** Both durabilities: power-safe syncs SQLite before each ".", crash-safe journals it (replayed after a kill). */
    @ParameterizedTest
    @ValueSource(strings = {"power-safe", "crash-safe"})
    void killedAtRandomMomentsLosesNobodyAndDuplicatesOnlyUnknown(String durability) throws Exception {
        Path data = TempDirs.create("kill-" + durability);
        Database db = Database.open(data);
        ContactRepository contacts = new ContactRepository(db);
        ContactList list = contacts.createList("Everyone", List.of("Name"));
        List<Contact> cs = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) cs.add(Contact.of("r" + i + "@example.com", Map.of("Name", "R" + i)));
        contacts.upsert(list.id(), cs);
        new AccountRepository(db).save(Account.builder("Local").host("127.0.0.1").port(server.getSmtp().getPort())
                .security(AccountSecurity.NONE).connections(CONNECTIONS).build());
        Path campaign = data.resolve("campaign.json");
        Files.writeString(campaign, """
                {"id": "kill-test", "name": "Kill test", "account": "Local", "list": "Everyone",
                 "from": "Sender <sender@example.org>", "subject": "Hi [Name]", "text": "Hello [Name]",
                 "unsubscribe": {"mailto": "unsubscribe@example.org"}, "delivery": {"durability": "DURABILITY"}}
                """.replace("DURABILITY", durability));

        Random random = new Random(20261122);
        Set<String> everUnknown = new HashSet<>();
        int kills = 0;
        boolean done = false;
        for (int round = 0; round < 40 && !done; round++) {
            Process child = startSend(data, campaign);
            boolean exited = child.waitFor(150 + random.nextInt(1200), TimeUnit.MILLISECONDS);
            if (!exited) {
                child.destroyForcibly().waitFor();
                kills++;
                // Opened afresh, as the next start would: a crash-safe run's journal is replayed here.
                Database reopened = Database.open(data);
                List<String> unknown = unknownRecipients(reopened, false);
                // Recipients left UNKNOWN by an earlier kill stay so until they are re-sent; the killed run itself may
                // have left at most one per connection (the one whose "." was out).
                assertThat(unknownRecipients(reopened, true).size()).as("UNKNOWN recorded by the killed run: at most one per open connection")
                        .isLessThanOrEqualTo(CONNECTIONS);
                everUnknown.addAll(unknown);
            } else {
                done = child.exitValue() == 0;
                everUnknown.addAll(unknownRecipients(Database.open(data), false));
            }
        }
        while (!done) {
            Process child = startSend(data, campaign);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            done = child.exitValue() == 0;
        }
        assertThat(kills).as("the child was killed at least a few times").isGreaterThanOrEqualTo(3);

        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage m : server.getReceivedMessages()) received.merge(m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString(), 1, Integer::sum);
        for (int i = 0; i < RECIPIENTS; i++) assertThat(received).as("r" + i + " arrived").containsKey("r" + i + "@example.com");
        for (Map.Entry<String, Integer> e : received.entrySet()) {
            if (e.getValue() > 1) assertThat(everUnknown).as(e.getKey() + " arrived " + e.getValue() + " times").contains(e.getKey());
        }
    }

    private static Process startSend(Path data, Path campaign) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + data,
                "org.broadside.Launcher", "--data", data.toString(), "send", "--no-dns", "--quiet", "--resend-unknown", campaign.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve("child.log").toFile()).start();
    }

    private static List<String> unknownRecipients(Database db, boolean onlyLastRun) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            String sql = "SELECT email FROM recipients WHERE state = 'UNKNOWN'" + (onlyLastRun ? " AND run_id = (SELECT MAX(id) FROM runs)" : "");
            try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

}

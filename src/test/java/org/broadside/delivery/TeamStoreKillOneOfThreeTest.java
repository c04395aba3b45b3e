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
import org.broadside.store.TeamStore;
import org.broadside.testing.TeamStoreServer;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's promise, the hard way: three `broadside send` processes, each with its own data directory as on three
 * machines, send one campaign of a team store together into a real SMTP server; one is killed with SIGKILL in the
 * middle. The other two finish the campaign: every recipient arrives except those the store records UNKNOWN, which
 * may have arrived once or twice, the killed process left at most one UNKNOWN per connection, and each recipient's run names its sender.
 */
class TeamStoreKillOneOfThreeTest {
    static final int RECIPIENTS = 2400;
    static final int CONNECTIONS = 2;

    @RegisterExtension
    static GreenMailExtension server = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void killingOneOfThreeSendersLosesNobodyAndTheOthersFinish() throws Exception {
        TeamStore team = TeamStoreServer.freshStore();
        Path home = TempDirs.create("kill-one-of-three");
        Database db = Database.openTeam(home.resolve("setup"), team);
        ContactRepository contacts = new ContactRepository(db);
        ContactList list = contacts.createList("Everyone", List.of("Name"));
        List<Contact> cs = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) cs.add(Contact.of("r" + i + "@example.com", Map.of("Name", "R" + i)));
        contacts.upsert(list.id(), cs);
        new AccountRepository(db).save(Account.builder("Local").host("127.0.0.1").port(server.getSmtp().getPort())
                .security(AccountSecurity.NONE).connections(CONNECTIONS).build());
        Path campaign = home.resolve("campaign.json");
        Files.writeString(campaign, """
                {"id": "kill-three", "name": "Kill one of three", "account": "Local", "list": "Everyone",
                 "from": "Sender <sender@example.org>", "subject": "Hi [Name]", "text": "Hello [Name]",
                 "unsubscribe": {"mailto": "unsubscribe@example.org"}}
                """);
        String url = team.url() + "?user=" + team.user();

        List<Process> senders = new ArrayList<>();
        for (int i = 0; i < 3; i++) senders.add(startSend(home.resolve("machine-" + i), url, campaign));
        // Kill the second one once all three send and a good part of the campaign has arrived.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while ((openRuns(db) < 3 || server.getReceivedMessages().length < RECIPIENTS / 4) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(openRuns(db)).as("three processes were sending at once").isEqualTo(3);
        Process killed = senders.get(1);
        assertThat(killed.isAlive()).as("killed in the middle of its send").isTrue();
        long killedPid = killed.pid();
        killed.destroyForcibly().waitFor();
        int atKill = server.getReceivedMessages().length;
        assertThat(atKill).as("the campaign was not over when the sender was killed").isLessThan(RECIPIENTS);

        long killedAt = System.nanoTime();
        for (Process p : List.of(senders.get(0), senders.get(2))) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the others finish").isTrue();
        }

        System.err.printf("kill-one-of-three: %d of %d had arrived at the kill; the others finished %d ms later%n", atKill,
                RECIPIENTS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            received.merge(m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString(), 1, Integer::sum);
        }
        Set<String> unknown = unknown(db);
        for (int i = 0; i < RECIPIENTS; i++) {
            String email = "r" + i + "@example.com";
            // An UNKNOWN recipient's "." may or may not have gone out before the kill: the store says so, honestly.
            if (!unknown.contains(email)) assertThat(received).as(email + " arrived").containsKey(email);
        }
        for (Map.Entry<String, Integer> e : received.entrySet()) {
            if (e.getValue() > 1) assertThat(unknown).as(e.getKey() + " arrived " + e.getValue() + " times").contains(e.getKey());
        }
        assertThat(unknownOf(db, killedPid)).as("UNKNOWN left by the killed process: at most one per connection")
                .isLessThanOrEqualTo(CONNECTIONS);
        assertThat(pending(db)).as("nobody left waiting").isZero();
        assertThat(sendersOfSent(db)).as("every process recorded what it sent, the killed one included").hasSize(3);
        assertThat(openRuns(db)).as("the killed run is closed, not shown as sending").isZero();
        db.close();
    }

    private static Process startSend(Path data, String url, Path campaign) throws Exception {
        Files.createDirectories(data);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + data,
                "org.broadside.Launcher", "--data", data.toString(), "--store", url, "send", "--no-dns", "--quiet", campaign.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve("child.log").toFile()).start();
    }

    private static int openRuns(Database db) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM runs WHERE ended_at IS NULL");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static Set<String> unknown(Database db) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT email FROM recipients WHERE state = 'UNKNOWN'");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    private static int unknownOf(Database db, long pid) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM recipients r JOIN runs ON runs.id = r.run_id"
                    + " WHERE r.state = 'UNKNOWN' AND runs.pid = ?")) {
                p.setLong(1, pid);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static int pending(Database db) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM recipients WHERE state IN ('PENDING', 'DEFERRED')");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static Set<Long> sendersOfSent(Database db) {
        return db.read(c -> {
            Set<Long> out = new HashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT runs.pid FROM recipients r JOIN runs ON runs.id = r.run_id"
                    + " WHERE r.state = 'SENT'"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
            return out;
        });
    }
}

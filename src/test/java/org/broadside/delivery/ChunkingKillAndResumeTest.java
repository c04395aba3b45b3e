package org.broadside.delivery;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.AccountSecurity;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.testing.smtp.ReceivedMessage;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
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
 * The kill bound of the CHUNKING window (ADR 0021), proven as {@link KillAndResumeTest} proves the one of DATA: a child
 * JVM sends through a server that offers CHUNKING and PIPELINING, with the account's default window of
 * {@value #WINDOW}, and is killed with SIGKILL at random moments, then restarted until the campaign is done. A killed
 * run leaves at most the window UNKNOWN per connection, every recipient arrives at least once, and only recipients
 * recorded UNKNOWN may arrive twice.
 */
class ChunkingKillAndResumeTest {
    static final int RECIPIENTS = 800;
    static final int CONNECTIONS = 2;
    static final int WINDOW = Account.DEFAULT_CHUNKING_WINDOW;

    @ParameterizedTest
    @ValueSource(strings = {"power-safe", "crash-safe"})
    void killedAtRandomMomentsLeavesAtMostTheWindowUnknownPerConnection(String durability) throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start().chunking(true).bdatReplyDelay(Duration.ofMillis(1))) {
            Path data = TempDirs.create("chunking-kill-" + durability);
            Database db = Database.open(data);
            ContactRepository contacts = new ContactRepository(db);
            ContactList list = contacts.createList("Everyone", List.of("Name"));
            List<Contact> cs = new ArrayList<>();
            for (int i = 0; i < RECIPIENTS; i++) cs.add(Contact.of("r" + i + "@example.com", Map.of("Name", "R" + i)));
            contacts.upsert(list.id(), cs);
            new AccountRepository(db).save(Account.builder("Local").host("127.0.0.1").port(server.port())
                    .security(AccountSecurity.NONE).connections(CONNECTIONS).messagesPerConnection(0).build());
            Path campaign = data.resolve("campaign.json");
            Files.writeString(campaign, """
                    {"id": "kill-test", "name": "Kill test", "account": "Local", "list": "Everyone",
                     "from": "Sender <sender@example.org>", "subject": "Hi [Name]", "text": "Hello [Name]",
                     "unsubscribe": {"mailto": "unsubscribe@example.org"}, "delivery": {"durability": "DURABILITY"}}
                    """.replace("DURABILITY", durability));

            Random random = new Random(20261206);
            Set<String> everUnknown = new HashSet<>();
            int kills = 0;
            int mostUnknownInOneKill = 0;
            boolean done = false;
            for (int round = 0; round < 15 && !done; round++) {
                Process child = startSend(data, campaign);
                // Killed once it is sending (a loaded machine starts a JVM slowly): after a random number of messages.
                int target = server.messages().size() + 1 + random.nextInt(60);
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (child.isAlive() && server.messages().size() < target && System.nanoTime() < giveUp) Thread.sleep(1);
                boolean exited = child.waitFor(random.nextInt(5), TimeUnit.MILLISECONDS);
                if (!exited) {
                    child.destroyForcibly().waitFor();
                    kills++;
                    Database reopened = Database.open(data);
                    int byKilledRun = unknownRecipients(reopened, true).size();
                    mostUnknownInOneKill = Math.max(mostUnknownInOneKill, byKilledRun);
                    assertThat(byKilledRun).as("UNKNOWN recorded by the killed run: at most the window per connection")
                            .isLessThanOrEqualTo(CONNECTIONS * WINDOW);
                    everUnknown.addAll(unknownRecipients(reopened, false));
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
            // More than one per connection at some kill: the window was really in flight, so the bound was tested.
            assertThat(mostUnknownInOneKill).as("most UNKNOWN after one kill").isGreaterThan(CONNECTIONS);
            System.out.println("chunking kill test (" + durability + "): " + kills + " kills, at most " + mostUnknownInOneKill
                    + " UNKNOWN after one kill (bound " + CONNECTIONS * WINDOW + ")");

            Map<String, Integer> received = new HashMap<>();
            for (ReceivedMessage m : server.messages()) received.merge(m.recipients().get(0), 1, Integer::sum);
            assertThat(server.commandLines()).anyMatch(l -> l.startsWith("BDAT ")).noneMatch(l -> l.equals("DATA"));
            for (int i = 0; i < RECIPIENTS; i++) assertThat(received).as("r" + i + " arrived").containsKey("r" + i + "@example.com");
            for (Map.Entry<String, Integer> e : received.entrySet()) {
                if (e.getValue() > 1) assertThat(everUnknown).as(e.getKey() + " arrived " + e.getValue() + " times").contains(e.getKey());
            }
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

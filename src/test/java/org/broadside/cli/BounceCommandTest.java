package org.broadside.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.broadside.bounces.BounceRules;
import org.broadside.bounces.BounceRulesRepository;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.delivery.CampaignRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** "bounces scan", "undo", "rules" and "list" against a GreenMail IMAP mailbox holding part of the corpus. */
class BounceCommandTest {
    static final List<String> FILES = List.of("01-dsn-hard-rfc822.eml", "07-arf-abuse.eml", "15-plain-postfix-soft.eml",
            "21-auto-rfc3834.eml", "27-unsubscribe-mailto.eml", "31-unrelated-customer.eml");

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    Path data;
    final Map<String, String> env = new HashMap<>(Map.of(
            "BROADSIDE_CREDENTIALS", "file", "BROADSIDE_PASSPHRASE", "a long passphrase", "MAILBOX_PASSWORD", "s3cret-mailbox"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        data = TempDirs.create("bounce-cli");
        seedCampaign(Database.open(data));
        var user = GREENMAIL.setUser("bounces@news.example.org", "bounces", "s3cret-mailbox");
        for (String file : FILES) {
            try (InputStream in = getClass().getResourceAsStream("/bounces/" + file)) {
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
                user.deliver(new MimeMessage(m) {
                    @Override
                    protected void updateMessageID() {
                        // keep the corpus Message-ID
                    }
                });
            }
        }
        assertThat(run("mailbox", "add", "Bounces", "--protocol", "imap", "--host", "127.0.0.1", "--port",
                Integer.toString(GREENMAIL.getImap().getPort()), "--no-tls", "--user", "bounces", "--password-env", "MAILBOX_PASSWORD",
                "--move-to", "Processed")).isZero();
        out = new StringWriter();
    }

    private static void seedCampaign(Database db) {
        long id = new CampaignRepository(db).findOrCreate("autumn", "Autumn news", null).id();
        String[] emails = {"alice@example.com", "mallory@example.com", "quinn@example.com", "sybil@example.com", "olivia@example.com"};
        int[] seqs = {1, 11, 23, 16, 13};
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO recipients(campaign_id, seq, email, state, message_id, updated_at) VALUES (?,?,?,'SENT',?,?)")) {
                for (int i = 0; i < emails.length; i++) {
                    p.setLong(1, id);
                    p.setLong(2, seqs[i]);
                    p.setString(3, emails[i]);
                    p.setString(4, "<a" + seqs[i] + ".autumn@news.example.org>");
                    p.setLong(5, System.currentTimeMillis());
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    @AfterEach
    void restoreEnvironment() {
        Environment.reset();
    }

    int run(String... args) {
        Environment.use(() -> env);
        String[] all = Stream.concat(Stream.of("--data", data.toString()), Stream.of(args)).toArray(String[]::new);
        return BroadsideCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
    }

    List<String> blacklisted() {
        return new BlacklistRepository(Database.open(data)).entries().stream().map(BlacklistRepository.BlacklistEntry::entry).toList();
    }

    @Test
    void dryRunPrintsOneLinePerMessageAndChangesNothing() {
        assertThat(run("bounces", "scan", "--mailbox", "Bounces", "--dry-run")).isZero();
        assertThat(out.toString().lines().toList()).containsExactly(
                "hard-bounce  alice@example.com  campaign \"Autumn news\"  would blacklist",
                "complaint  mallory@example.com  campaign \"Autumn news\"  would blacklist",
                "soft-bounce  quinn@example.com  campaign \"Autumn news\"  would record (soft bounce 1 of 3 in a row)",
                "auto-reply  sybil@example.com  campaign \"Autumn news\"  would ignore",
                "unsubscribe  olivia@example.com  campaign \"Autumn news\"  would blacklist",
                "unrecognised  grace.customer@example.com  no campaign  would leave in mailbox",
                "dry run: 6 messages, 5 recognised, 1 left alone; nothing was changed");
        assertThat(blacklisted()).isEmpty();
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(6);
    }

    @Test
    void scanAppliesTheRulesAndMovesRecognisedMessages() throws Exception {
        assertThat(run("bounces", "scan", "--mailbox", "Bounces")).isZero();
        assertThat(out.toString()).contains("hard-bounce  alice@example.com  campaign \"Autumn news\"  blacklisted [event ",
                "6 messages, 5 recognised, 1 left alone; 5 moved");
        assertThat(blacklisted()).containsExactly("alice@example.com", "mallory@example.com", "olivia@example.com");
        var inbox = GREENMAIL.getManagers().getImapHostManager().getInbox(GREENMAIL.getManagers().getUserManager().getUser("bounces"));
        assertThat(inbox.getMessages()).singleElement().satisfies(m -> assertThat(m.getMimeMessage().getSubject()).isEqualTo("Question about my order"));
    }

    @Test
    void undoRemovesTheBlacklistEntryOfTheEvent() {
        run("bounces", "scan", "--mailbox", "Bounces");
        Matcher m = Pattern.compile("alice@example.com .* \\[event (\\d+)]").matcher(out.toString());
        assertThat(m.find()).isTrue();
        out = new StringWriter();
        assertThat(run("bounces", "undo", m.group(1))).isZero();
        assertThat(out.toString()).isEqualTo("undone event " + m.group(1) + System.lineSeparator());
        assertThat(blacklisted()).doesNotContain("alice@example.com").contains("mallory@example.com");
        assertThat(run("bounces", "list")).isZero();
        assertThat(out.toString()).contains("hard-bounce  alice@example.com  blacklisted  (undone)");
    }

    @Test
    void undoOfAnUnknownEventIsAnError() {
        assertThat(run("bounces", "undo", "999")).isEqualTo(2);
        assertThat(err.toString()).contains("There is no bounce event 999.");
    }

    @Test
    void rulesAreShownAndChanged() {
        assertThat(run("bounces", "rules", "--hard-bounces", "record", "--soft-bounce-limit", "5")).isZero();
        assertThat(out.toString()).contains("hard bounce:  record", "soft bounce:  blacklist after 5 in a row", "complaint:    blacklist");
        assertThat(new BounceRulesRepository(Database.open(data)).get()).isEqualTo(new BounceRules(false, 5, true, true));
        run("bounces", "scan", "--mailbox", "Bounces");
        assertThat(blacklisted()).doesNotContain("alice@example.com");
    }

    @Test
    void badSoftBounceLimitIsRefused() {
        assertThat(run("bounces", "rules", "--soft-bounce-limit", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("between 0 (never) and 100");
    }

    @Test
    void unknownMailboxIsOneSentence() {
        assertThat(run("bounces", "scan", "--mailbox", "Nope")).isEqualTo(2);
        assertThat(err.toString()).contains("There is no mailbox named \"Nope\".");
    }
}

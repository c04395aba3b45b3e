package org.broadside.ui.bounces;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.bounces.AfterScan;
import org.broadside.bounces.MailProtocol;
import org.broadside.bounces.MailboxAccount;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.CampaignRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real SQLite store for the bounces window's tests: campaign "Autumn news" (uid "autumn") sent to alice@example.com
 * with Message-ID {@code <a1.autumn@news.example.org>} (the one the corpus' DSN bounces), and a list holding her.
 */
final class BounceDesk {
    static final String LOGIN = "bounces";
    static final String PASSWORD = "s3cret-mailbox";
    static final String ALICE = "alice@example.com";

    final Database db = Database.open(TempDirs.create("bounces-ui"));
    final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    final long listId;

    BounceDesk() {
        long autumn = new CampaignRepository(db).findOrCreate("autumn", "Autumn news", null).id();
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO recipients(campaign_id, seq, email, state, message_id, updated_at) VALUES (?,1,?,'SENT',?,?)")) {
                p.setLong(1, autumn);
                p.setString(2, ALICE);
                p.setString(3, "<a1.autumn@news.example.org>");
                p.setLong(4, System.currentTimeMillis());
                p.executeUpdate();
            }
            return null;
        });
        ContactRepository contacts = new ContactRepository(db);
        listId = contacts.createList("Newsletter", List.of("Name")).id();
        contacts.upsert(listId, List.of(new Contact(0, ALICE, Map.of("Name", "Alice"))));
    }

    static MailboxAccount mailbox(int port) {
        return new MailboxAccount("Bounces", MailProtocol.IMAP, "127.0.0.1", port, false, LOGIN, "INBOX", AfterScan.KEEP, null);
    }

    /** Puts a corpus message (e.g. "01-dsn-hard-rfc822.eml") into the GreenMail mailbox, Message-ID kept. */
    static void deliver(GreenMailUser user, String corpusFile) {
        try (InputStream in = BounceDesk.class.getResourceAsStream("/bounces/" + corpusFile)) {
            MimeMessage original = new MimeMessage(Session.getInstance(new Properties()), in);
            user.deliver(new MimeMessage(original) {
                @Override
                protected void updateMessageID() {
                    // keep the corpus Message-ID: the scan must not count the message as a new one
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> blacklisted() {
        return new BlacklistRepository(db).entries().stream().map(BlacklistRepository.BlacklistEntry::entry).toList();
    }

    String flagsOfAlice() {
        long id = new ContactRepository(db).find(listId, ALICE).orElseThrow().id();
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT flags FROM contacts WHERE id = ?")) {
                p.setLong(1, id);
                try (var rs = p.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}

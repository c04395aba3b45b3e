package org.broadside.ui;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.bounces.AfterScan;
import org.broadside.bounces.MailProtocol;
import org.broadside.bounces.MailboxAccount;
import org.broadside.bounces.MailboxCredentials;
import org.broadside.bounces.MailboxRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's bounce scans: nothing to do without a mailbox; "scan now" reports what a real IMAP mailbox held. */
class BounceMailboxScansTest {
    @RegisterExtension
    static GreenMailExtension imap = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @Test
    void withoutAMailboxScanNowSaysHowToAddOne() {
        BounceMailboxScans scans = new BounceMailboxScans(Database.open(TempDirs.create("scans")), new InMemoryCredentialStore());
        scans.start();
        assertThat(scans.scanAllNow()).singleElement().asString().contains("broadside mailbox add");
        scans.close();
    }

    @Test
    void scanNowProcessesTheStoredMailboxes() throws Exception {
        var user = imap.setUser("bounces@news.example.org", "bounces", "s3cret-mailbox");
        try (InputStream in = getClass().getResourceAsStream("/bounces/01-dsn-hard-rfc822.eml")) {
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), in));
        }
        Database db = Database.open(TempDirs.create("scans"));
        new MailboxRepository(db).save(new MailboxAccount("Bounces", MailProtocol.IMAP, "127.0.0.1", imap.getImap().getPort(), false,
                "bounces", "INBOX", AfterScan.KEEP, null));
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        credentials.put(MailboxCredentials.key("Bounces"), "s3cret-mailbox".toCharArray());
        BounceMailboxScans scans = new BounceMailboxScans(db, credentials);
        List<String> lines = scans.scanAllNow();
        assertThat(lines).singleElement().asString().startsWith("Bounces: 1 recognised");
        scans.close();
    }
}

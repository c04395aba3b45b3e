package org.broadside.ui;

import org.broadside.accounts.CredentialStore;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.bounces.AfterScan;
import org.broadside.bounces.MailProtocol;
import org.broadside.bounces.MailboxAccount;
import org.broadside.bounces.MailboxRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's automatic scans: nothing without a mailbox; a mailbox saved or removed while the app runs joins or leaves the schedule. */
class BounceMailboxScansTest {
    static final Supplier<CredentialStore> NEVER_OPENED = () -> {
        throw new AssertionError("the credential store was opened although no mailbox is scanned yet");
    };

    static MailboxAccount mailbox(String name) {
        return new MailboxAccount(name, MailProtocol.IMAP, "127.0.0.1", 1143, false, "bounces", "INBOX", AfterScan.KEEP, null);
    }

    @Test
    void withoutAMailboxNothingIsScheduledAndNoPassphraseIsAsked() {
        try (BounceMailboxScans scans = new BounceMailboxScans(Database.open(TempDirs.create("scans")), NEVER_OPENED, Runnable::run)) {
            scans.start();
            assertThat(scans.scheduledMailboxes()).isEmpty();
        }
    }

    @Test
    void aMailboxSavedWhileTheAppRunsJoinsTheScheduleAndLeavesItWhenRemoved() {
        Database db = Database.open(TempDirs.create("scans"));
        MailboxRepository mailboxes = new MailboxRepository(db);
        mailboxes.save(mailbox("Bounces"));
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        try (BounceMailboxScans scans = new BounceMailboxScans(db, () -> credentials, Runnable::run)) {
            scans.start();
            assertThat(scans.scheduledMailboxes()).containsExactly("bounces");
            mailboxes.save(mailbox("Complaints"));
            assertThat(scans.scheduledMailboxes()).containsExactlyInAnyOrder("bounces", "complaints");
            mailboxes.remove("Bounces");
            assertThat(scans.scheduledMailboxes()).containsExactly("complaints");
        }
    }
}

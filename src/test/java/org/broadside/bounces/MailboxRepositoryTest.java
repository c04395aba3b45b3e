package org.broadside.bounces;

import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.broadside.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxRepositoryTest {
    Database db;
    MailboxRepository repository;

    void open(StoreBackend backend) {
        db = backend.open(TempDirs.create("mailboxes"));
        repository = new MailboxRepository(db);
    }

    @AfterEach
    void closeStore() {
        if (db != null) db.close();
    }

    static MailboxAccount imap(String name, AfterScan after, String processed) {
        return new MailboxAccount(name, MailProtocol.IMAP, "imap.example.org", 993, true, "bounces@example.org", "INBOX", after, processed);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void savedMailboxIsFoundIgnoringCase(StoreBackend backend) {
        open(backend);
        assertThat(repository.save(imap("Bounces", AfterScan.MOVE, "Processed"))).isTrue();
        assertThat(repository.find("BOUNCES")).contains(imap("Bounces", AfterScan.MOVE, "Processed"));
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void savingAgainReplacesTheSettings(StoreBackend backend) {
        open(backend);
        repository.save(imap("Bounces", AfterScan.MOVE, "Processed"));
        assertThat(repository.save(imap("bounces", AfterScan.DELETE, null))).isFalse();
        assertThat(repository.list()).containsExactly(imap("bounces", AfterScan.DELETE, null));
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void removedMailboxIsGone(StoreBackend backend) {
        open(backend);
        repository.save(imap("Bounces", AfterScan.KEEP, null));
        assertThat(repository.remove("bounces")).isTrue();
        assertThat(repository.list()).isEmpty();
        assertThat(repository.remove("bounces")).isFalse();
    }

    @Test
    void pop3CannotMoveMessages() {
        assertThatThrownBy(() -> new MailboxAccount("B", MailProtocol.POP3, "pop.example.org", 995, true, "u", "INBOX", AfterScan.MOVE, "Done"))
                .isInstanceOf(InvalidMailboxException.class).hasMessage("POP3 has no folders to move processed messages to: choose to delete them instead (--delete on the command line), or use IMAP.");
    }

    @Test
    void pop3HasOnlyTheInbox() {
        assertThatThrownBy(() -> new MailboxAccount("B", MailProtocol.POP3, "pop.example.org", 995, true, "u", "Bounces", AfterScan.KEEP, null))
                .isInstanceOf(InvalidMailboxException.class).hasMessageStartingWith("POP3 has only the inbox");
    }

    @Test
    void processedFolderMustDifferFromTheScannedOne() {
        assertThatThrownBy(() -> imap("B", AfterScan.MOVE, "inbox")).isInstanceOf(InvalidMailboxException.class)
                .hasMessage("The processed folder must differ from the folder that is scanned.");
    }

    @Test
    void folderDefaultsToTheInboxAndValuesAreTrimmed() {
        MailboxAccount a = new MailboxAccount("B", MailProtocol.IMAP, " imap.example.org ", 993, true, "u", null, AfterScan.KEEP, "ignored");
        assertThat(a.folder()).isEqualTo("INBOX");
        assertThat(a.host()).isEqualTo("imap.example.org");
        assertThat(a.processedFolder()).isNull();
        assertThat(a.credentialKey()).isEqualTo("mailbox:b");
    }
}

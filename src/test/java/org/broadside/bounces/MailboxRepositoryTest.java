package org.broadside.bounces;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxRepositoryTest {
    final BounceFixture fixture = new BounceFixture();
    final MailboxRepository repository = new MailboxRepository(fixture.db);

    static MailboxAccount imap(String name, AfterScan after, String processed) {
        return new MailboxAccount(name, MailProtocol.IMAP, "imap.example.org", 993, true, "bounces@example.org", "INBOX", after, processed);
    }

    @Test
    void savedMailboxIsFoundIgnoringCase() {
        assertThat(repository.save(imap("Bounces", AfterScan.MOVE, "Processed"))).isTrue();
        assertThat(repository.find("BOUNCES")).contains(imap("Bounces", AfterScan.MOVE, "Processed"));
    }

    @Test
    void savingAgainReplacesTheSettings() {
        repository.save(imap("Bounces", AfterScan.MOVE, "Processed"));
        assertThat(repository.save(imap("bounces", AfterScan.DELETE, null))).isFalse();
        assertThat(repository.list()).containsExactly(imap("bounces", AfterScan.DELETE, null));
    }

    @Test
    void removedMailboxIsGone() {
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

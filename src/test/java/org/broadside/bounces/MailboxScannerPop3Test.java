package org.broadside.bounces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.contacts.BlacklistRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole corpus in a GreenMail POP3 mailbox. */
class MailboxScannerPop3Test {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.POP3.dynamicPort());

    BounceFixture fixture;
    GreenMailUser user;
    MailboxScanner scanner;

    @BeforeEach
    void load() {
        fixture = new BounceFixture();
        user = GreenMailboxes.loadCorpus(GREENMAIL);
        scanner = new MailboxScanner(fixture.db, new InMemoryCredentialStore(), MailboxConnector.systemTrust(), BounceFixture.classifier());
    }

    ScanReport scan(AfterScan after, boolean dryRun) {
        return scanner.scan(GreenMailboxes.account(MailProtocol.POP3, GREENMAIL.getPop3().getPort(), after, null),
                GreenMailboxes.PASSWORD.toCharArray(), dryRun);
    }

    @Test
    void deleteRemovesRecognisedMessagesAndLeavesUnrelatedOnes() {
        ScanReport report = scan(AfterScan.DELETE, false);
        assertThat(report.disposed()).isEqualTo(31);
        assertThat(GreenMailboxes.subjects(GREENMAIL, user, "INBOX")).containsExactlyElementsOf(MailboxScannerImapTest.UNRELATED);
        assertThat(new BlacklistRepository(fixture.db).entries()).extracting(BlacklistRepository.BlacklistEntry::entry)
                .containsExactlyElementsOf(MailboxScannerImapTest.BLACKLISTED);
    }

    @Test
    void dryRunLeavesEveryMessage() {
        ScanReport report = scan(AfterScan.DELETE, true);
        assertThat(report.recognised()).isEqualTo(31);
        assertThat(GreenMailboxes.messages(GREENMAIL, user, "INBOX")).hasSize(36);
        assertThat(new BlacklistRepository(fixture.db).entries()).isEmpty();
    }
}

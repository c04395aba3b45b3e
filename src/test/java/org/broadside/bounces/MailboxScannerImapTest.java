package org.broadside.bounces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.contacts.BlacklistRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole corpus in a GreenMail IMAP mailbox, scanned for real. */
class MailboxScannerImapTest {
    static final List<String> UNRELATED = List.of("Our November deals", "Question about my order", "Re: parcel not delivered",
            "Re: your DMARC question", "Successful Mail Delivery Report");
    static final List<String> BLACKLISTED = List.of("alice@example.com", "bob@example.net", "frank@gmail.com", "grace@yahoo.com",
            "heidi@outlook.com", "judy@example.fr", "kate@example.net", "mallory@example.com", "mia@example.com", "niaj@aol.com",
            "olivia@example.com", "peggy@example.com", "rupert@example.com", "stranger@elsewhere.example", "uma@example.com",
            "ursula@example.com", "xavier@example.nl", "yvonne@example.com", "zoe@example.com");

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    BounceFixture fixture;
    GreenMailUser user;
    InMemoryCredentialStore credentials;
    MailboxScanner scanner;

    @BeforeEach
    void load() {
        fixture = new BounceFixture();
        user = GreenMailboxes.loadCorpus(GREENMAIL);
        credentials = new InMemoryCredentialStore();
        scanner = new MailboxScanner(fixture.db, credentials, MailboxConnector.systemTrust(), BounceFixture.classifier());
    }

    MailboxAccount account(AfterScan after, String processedFolder) {
        return GreenMailboxes.account(MailProtocol.IMAP, GREENMAIL.getImap().getPort(), after, processedFolder);
    }

    ScanReport scan(AfterScan after, String processedFolder, boolean dryRun) {
        return scanner.scan(account(after, processedFolder), GreenMailboxes.PASSWORD.toCharArray(), dryRun);
    }

    List<String> blacklisted() {
        return new BlacklistRepository(fixture.db).entries().stream().map(BlacklistRepository.BlacklistEntry::entry).toList();
    }

    @Test
    void recognisedMessagesMoveAndUnrelatedOnesStayUnread() {
        ScanReport report = scan(AfterScan.MOVE, "Processed", false);
        assertThat(report.lines()).hasSize(36);
        assertThat(report.recognised()).isEqualTo(31);
        assertThat(report.disposed()).isEqualTo(31);
        assertThat(GreenMailboxes.subjects(GREENMAIL, user, "INBOX")).containsExactlyElementsOf(UNRELATED);
        assertThat(GreenMailboxes.messages(GREENMAIL, user, "INBOX")).noneMatch(m -> m.isSet(Flags.Flag.SEEN));
        assertThat(GreenMailboxes.messages(GREENMAIL, user, "Processed")).hasSize(31);
        assertThat(blacklisted()).containsExactlyElementsOf(BLACKLISTED);
    }

    @Test
    void dryRunChangesNeitherTheMailboxNorTheStore() {
        ScanReport report = scan(AfterScan.MOVE, "Processed", true);
        assertThat(report.lines()).hasSize(36);
        assertThat(report.lines()).filteredOn(l -> l.action() == BounceAction.BLACKLISTED).hasSize(BLACKLISTED.size());
        assertThat(report.lines()).extracting(l -> l.format(true)).contains(
                "hard-bounce  kate@example.net  campaign \"Autumn news\"  would blacklist",
                "soft-bounce  quinn@example.com  campaign \"Autumn news\"  would record (soft bounce 1 of 3 in a row)");
        assertThat(GreenMailboxes.messages(GREENMAIL, user, "INBOX")).hasSize(36).noneMatch(m -> m.isSet(Flags.Flag.SEEN));
        assertThat(GreenMailboxes.messages(GREENMAIL, user, "Processed")).isEmpty();
        assertThat(blacklisted()).isEmpty();
        assertThat(new BounceRepository(fixture.db).latest(100)).isEmpty();
    }

    @Test
    void deleteRemovesOnlyRecognisedMessages() {
        scan(AfterScan.DELETE, null, false);
        assertThat(GreenMailboxes.subjects(GREENMAIL, user, "INBOX")).containsExactlyElementsOf(UNRELATED);
    }

    @Test
    void keptMessagesAreNotCountedTwiceByTheNextScan() {
        scan(AfterScan.KEEP, null, false);
        ScanReport second = scan(AfterScan.KEEP, null, false);
        assertThat(GreenMailboxes.messages(GREENMAIL, user, "INBOX")).hasSize(36);
        assertThat(second.lines()).filteredOn(l -> l.kind().recognised()).extracting(ScanLine::action).containsOnly(BounceAction.ALREADY_PROCESSED);
        assertThat(new BounceRepository(fixture.db).latest(100)).hasSize(31);
    }

    @Test
    void campaignCountsFollowTheScan() {
        scan(AfterScan.MOVE, "Processed", false);
        // 13 hard bounces, one of them for an address of no campaign.
        assertThat(new BounceRepository(fixture.db).countsFor(fixture.autumn)).isEqualTo(new BounceCounts(12, 6, 2, 4));
    }

    @Test
    void savedMailboxIsScannedWithThePasswordFromTheCredentialStore() {
        new MailboxRepository(fixture.db).save(account(AfterScan.KEEP, null));
        credentials.put(MailboxCredentials.key("Bounces"), GreenMailboxes.PASSWORD.toCharArray());
        assertThat(scanner.scan("bounces", true).lines()).hasSize(36);
    }

    @Test
    void savedMailboxWithoutPasswordIsExplained() {
        new MailboxRepository(fixture.db).save(account(AfterScan.KEEP, null));
        assertThatThrownBy(() -> scanner.scan("Bounces", true)).isInstanceOf(MailboxException.class)
                .hasMessage("No password is stored for the mailbox Bounces: add it again with --password-env VAR.");
    }

    @Test
    void wrongPasswordIsOneSentence() {
        assertThatThrownBy(() -> scanner.scan(account(AfterScan.KEEP, null), "wrong".toCharArray(), false))
                .isInstanceOf(MailboxException.class).hasMessage("The server 127.0.0.1 refused the login of bounces.");
    }

    @Test
    void missingFolderIsReported() {
        MailboxAccount a = new MailboxAccount("Bounces", MailProtocol.IMAP, "127.0.0.1", GREENMAIL.getImap().getPort(), false,
                GreenMailboxes.LOGIN, "Bounces/Nowhere", AfterScan.KEEP, null);
        assertThatThrownBy(() -> scanner.scan(a, GreenMailboxes.PASSWORD.toCharArray(), false))
                .isInstanceOf(MailboxException.class).hasMessageContaining("has no folder \"Bounces/Nowhere\"");
    }
}

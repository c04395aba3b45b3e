package org.broadside.bounces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.broadside.accounts.InMemoryCredentialStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scan reports each message read, and a scan stopped while reading records nothing and touches no message. */
class MailboxScannerProgressTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    BounceFixture fixture;
    GreenMailUser user;
    MailboxScanner scanner;

    @BeforeEach
    void load() {
        fixture = new BounceFixture();
        user = GreenMailboxes.loadCorpus(GREENMAIL);
        scanner = new MailboxScanner(fixture.db, new InMemoryCredentialStore(), MailboxConnector.systemTrust(), BounceFixture.classifier());
    }

    MailboxAccount account() {
        return GreenMailboxes.account(MailProtocol.IMAP, GREENMAIL.getImap().getPort(), AfterScan.DELETE, null);
    }

    @Test
    void progressCountsEveryMessageAndTheRecognisedOnes() {
        List<int[]> seen = new ArrayList<>();
        scanner.scan(account(), GreenMailboxes.PASSWORD.toCharArray(), false, new ScanProgress() {
            @Override
            public void read(int read, int total, int recognised) {
                seen.add(new int[] {read, total, recognised});
            }
        });
        assertThat(seen).hasSize(36);
        assertThat(seen.get(35)).containsExactly(36, 36, 31);
    }

    @Test
    void aStoppedScanRecordsNothingAndLeavesEveryMessage() {
        ScanProgress stopAfterThree = new ScanProgress() {
            int read;

            @Override
            public void read(int r, int total, int recognised) { read = r; }

            @Override
            public boolean cancelled() { return read >= 3; }
        };
        assertThatThrownBy(() -> scanner.scan(account(), GreenMailboxes.PASSWORD.toCharArray(), false, stopAfterThree))
                .isInstanceOf(ScanCancelledException.class);
        assertThat(new BounceRepository(fixture.db).latest(100)).isEmpty();
        assertThat(GreenMailboxes.messages(GREENMAIL, user, "INBOX")).hasSize(36);
    }
}

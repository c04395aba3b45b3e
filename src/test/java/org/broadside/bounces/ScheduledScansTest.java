package org.broadside.bounces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.broadside.accounts.InMemoryCredentialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledScansTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @Test
    void scheduledScanProcessesTheSavedMailboxAndReportsToTheListener() throws Exception {
        BounceFixture fixture = new BounceFixture();
        var user = GreenMailboxes.loadCorpus(GREENMAIL);
        new MailboxRepository(fixture.db).save(GreenMailboxes.account(MailProtocol.IMAP, GREENMAIL.getImap().getPort(), AfterScan.MOVE, "Processed"));
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        credentials.put(MailboxCredentials.key("Bounces"), GreenMailboxes.PASSWORD.toCharArray());
        MailboxScanner scanner = new MailboxScanner(fixture.db, credentials, MailboxConnector.systemTrust(), BounceFixture.classifier());
        CountDownLatch scanned = new CountDownLatch(1);
        List<ScanReport> reports = new CopyOnWriteArrayList<>();
        try (ScheduledScans scans = new ScheduledScans(scanner, new ScanListener() {
            @Override
            public void scanned(ScanReport report) {
                reports.add(report);
                scanned.countDown();
            }
        })) {
            scans.schedule("Bounces", Duration.ZERO, Duration.ofHours(1));
            assertThat(scanned.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(scans.scheduledMailboxes()).containsExactly("bounces");
        }
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.dryRun()).isFalse();
            assertThat(r.disposed()).isEqualTo(31);
        });
        assertThat(GreenMailboxes.subjects(GREENMAIL, user, "INBOX")).containsExactlyElementsOf(MailboxScannerImapTest.UNRELATED);
    }

    @Test
    void aFailingScanIsReportedAndTheScheduleKeepsRunning() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch twice = new CountDownLatch(2);
        try (ScheduledScans scans = new ScheduledScans((name, dryRun) -> {
            attempts.incrementAndGet();
            throw new MailboxException("Cannot open the mailbox " + name + ".");
        }, new ScanListener() {
            @Override
            public void failed(String mailbox, String message) {
                failures.add(message);
                twice.countDown();
            }
        })) {
            scans.schedule("Bounces", Duration.ZERO, Duration.ofMillis(20));
            assertThat(twice.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).first().isEqualTo("Cannot open the mailbox Bounces.");
        assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void cancelledScheduleRunsNoMore() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (ScheduledScans scans = new ScheduledScans((name, dryRun) -> {
            runs.incrementAndGet();
            return new ScanReport(name, dryRun, AfterScan.KEEP, List.of(), 0);
        }, new ScanListener() {})) {
            scans.schedule("Bounces", Duration.ofMillis(300), Duration.ofMillis(300));
            scans.cancel("BOUNCES");
            assertThat(scans.scheduledMailboxes()).isEmpty();
            Thread.sleep(700);
        }
        assertThat(runs.get()).isZero();
    }
}

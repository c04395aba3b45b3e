package org.broadside.ui;

import org.broadside.accounts.CredentialStore;
import org.broadside.bounces.BounceClassifier;
import org.broadside.bounces.MailboxAccount;
import org.broadside.bounces.MailboxConnector;
import org.broadside.bounces.MailboxRepository;
import org.broadside.bounces.MailboxScanner;
import org.broadside.bounces.ScanListener;
import org.broadside.bounces.ScanReport;
import org.broadside.bounces.ScheduledScans;
import org.broadside.store.Database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Bounce mailboxes while the app is open: every stored mailbox is scanned on a schedule (bounces, complaints and
 * unsubscribes go to the blacklist by the rules; counts appear in the Delivery panel), and on demand from the Tools menu.
 */
final class BounceMailboxScans implements AutoCloseable {
    static final Duration FIRST_SCAN = Duration.ofMinutes(2);
    static final Duration EVERY = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(BounceMailboxScans.class.getName());

    private final MailboxRepository mailboxes;
    private final MailboxScanner scanner;
    private ScheduledScans schedule;

    BounceMailboxScans(Database db, CredentialStore credentials) {
        this.mailboxes = new MailboxRepository(db);
        this.scanner = new MailboxScanner(db, credentials, MailboxConnector.systemTrust(), new BounceClassifier(Set.of()));
    }

    /** Schedules every stored mailbox; nothing (and no passphrase prompt) when none is set up. */
    synchronized void start() {
        List<MailboxAccount> all = mailboxes.list();
        if (all.isEmpty()) return;
        schedule = new ScheduledScans(scanner, new ScanListener() {
            @Override
            public void scanned(ScanReport report) {
                LOG.info(() -> summary(report));
            }

            @Override
            public void failed(String mailbox, String message) {
                LOG.warning(() -> "Scheduled scan of " + mailbox + " failed: " + message);
            }
        });
        for (MailboxAccount m : all) schedule.schedule(m.name(), FIRST_SCAN, EVERY);
    }

    /** Scans every mailbox now (call off the UI thread); one line per mailbox for the user. */
    List<String> scanAllNow() {
        List<String> out = new ArrayList<>();
        for (MailboxAccount m : mailboxes.list()) {
            try {
                out.add(summary(scanner.scan(m.name(), false)));
            } catch (RuntimeException e) {
                out.add(m.name() + ": the scan failed: " + e.getMessage());
            }
        }
        if (out.isEmpty()) out.add("No bounce mailbox is set up yet; add one with: broadside mailbox add NAME --protocol imap ...");
        return out;
    }

    static String summary(ScanReport r) {
        return r.mailbox() + ": " + r.recognised() + " recognised (bounces, complaints, auto-replies, unsubscribes), "
                + r.leftAlone() + " other message" + (r.leftAlone() == 1 ? "" : "s") + " left alone";
    }

    @Override
    public synchronized void close() {
        if (schedule != null) schedule.close();
    }
}

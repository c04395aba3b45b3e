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
import org.broadside.events.AppEvent;
import org.broadside.events.Subscription;
import org.broadside.store.Database;

import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic scans of the bounce mailboxes while the app is open: every stored mailbox is scanned on a schedule
 * (bounces, complaints and unsubscribes go to the blacklist by the rules; the events appear in the Bounces window and
 * the counts in the Delivery panel, both following the store). A mailbox added or removed in the Bounces window (or
 * by the command line) joins or leaves the schedule. "Scan now" is the Bounces window's own.
 */
final class BounceMailboxScans implements AutoCloseable {
    static final Duration FIRST_SCAN = Duration.ofMinutes(2);
    static final Duration EVERY = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(BounceMailboxScans.class);

    private final Database db;
    private final MailboxRepository mailboxes;
    private final Supplier<CredentialStore> credentials;
    private final Executor rescheduling;
    private final Set<String> scheduled = new HashSet<>();
    private ScheduledScans schedule;
    private Subscription following;

    /** @param credentials opened only when a mailbox is scanned, so an app without mailboxes never asks for the passphrase */
    BounceMailboxScans(Database db, Supplier<CredentialStore> credentials) {
        this(db, credentials, ForkJoinPool.commonPool());
    }

    /** @param rescheduling where the schedule is brought in line after a change (tests: on the publishing thread) */
    BounceMailboxScans(Database db, Supplier<CredentialStore> credentials, Executor rescheduling) {
        this.db = db;
        this.rescheduling = rescheduling;
        this.mailboxes = new MailboxRepository(db);
        this.credentials = credentials;
    }

    /** Schedules every stored mailbox, and follows the store for mailboxes added or removed later. */
    synchronized void start() {
        if (following != null) return;
        following = db.events().subscribe(e -> {
            // Another process's mailbox change arrives as BlacklistChanged (they share a counter). Read off the
            // publisher's thread: that may be the UI thread.
            if (e instanceof AppEvent.BouncesChanged || e instanceof AppEvent.BlacklistChanged) rescheduling.execute(this::reschedule);
        });
        reschedule();
    }

    /** Brings the schedule in line with the stored mailboxes: new ones are scanned after {@link #FIRST_SCAN}, removed ones no more. */
    synchronized void reschedule() {
        if (following == null) return; // closed, or never started
        try {
            Set<String> now = new HashSet<>();
            for (MailboxAccount m : mailboxes.list()) now.add(m.name().toLowerCase(Locale.ROOT));
            for (String gone : Set.copyOf(scheduled)) {
                if (!now.contains(gone)) {
                    schedule.cancel(gone);
                    scheduled.remove(gone);
                }
            }
            for (String added : now) {
                if (scheduled.contains(added)) continue;
                if (schedule == null) schedule = new ScheduledScans(scanner(), logOnly());
                schedule.schedule(added, FIRST_SCAN, EVERY);
                scheduled.add(added);
            }
        } catch (RuntimeException e) {
            LOG.warn("The bounce mailboxes could not be scheduled", e);
        }
    }

    synchronized Set<String> scheduledMailboxes() { return Set.copyOf(scheduled); }

    private MailboxScanner scanner() {
        return new MailboxScanner(db, credentials.get(), MailboxConnector.systemTrust(), new BounceClassifier(Set.of()));
    }

    /** Results reach the user through the store (the Bounces window and the Delivery panel follow it); here they are logged. */
    private static ScanListener logOnly() {
        return new ScanListener() {
            @Override
            public void scanned(ScanReport report) {
                LOG.info(summary(report));
            }

            @Override
            public void failed(String mailbox, String message) {
                LOG.warn("Automatic scan of {} failed: {}", mailbox, message);
            }
        };
    }

    static String summary(ScanReport r) {
        return r.mailbox() + ": " + r.recognised() + " recognised (bounces, complaints, auto-replies, unsubscribes), "
                + r.leftAlone() + " other message" + (r.leftAlone() == 1 ? "" : "s") + " left alone";
    }

    @Override
    public synchronized void close() {
        if (following != null) following.close();
        following = null;
        if (schedule != null) schedule.close();
    }
}

package org.broadside.bounces;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans mailboxes on a schedule while the app is open. One daemon thread runs every scan, so two scans never
 * write at once and a slow server only delays the next scan. Close it when the app closes.
 */
public final class ScheduledScans implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledScans.class);

    private final BiFunction<String, Boolean, ScanReport> scan;
    private final ScanListener listener;
    private final ScheduledExecutorService executor;
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    public ScheduledScans(MailboxScanner scanner, ScanListener listener) {
        this(scanner::scan, listener);
    }

    /** @param scan runs one scan of the named mailbox (dry run flag always false here) */
    ScheduledScans(BiFunction<String, Boolean, ScanReport> scan, ScanListener listener) {
        this.scan = scan;
        this.listener = listener;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bounce-scans");
            t.setDaemon(true);
            return t;
        });
    }

    /** Scans the mailbox after {@code firstAfter}, then every {@code every} after the previous scan ended; replaces an earlier schedule. */
    public void schedule(String mailbox, Duration firstAfter, Duration every) {
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("The scan interval must be positive.");
        ScheduledFuture<?> next = executor.scheduleWithFixedDelay(() -> runOnce(mailbox),
                firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = scheduled.put(key(mailbox), next);
        if (previous != null) previous.cancel(false);
    }

    public void cancel(String mailbox) {
        ScheduledFuture<?> f = scheduled.remove(key(mailbox));
        if (f != null) f.cancel(false);
    }

    public Set<String> scheduledMailboxes() { return Set.copyOf(scheduled.keySet()); }

    private void runOnce(String mailbox) {
        // Any exception escaping here would silently end this mailbox's schedule.
        try {
            listener.scanned(scan.apply(mailbox, false));
        } catch (MailboxException e) {
            listener.failed(mailbox, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Scheduled scan of " + mailbox + " failed", e);
            listener.failed(mailbox, "The scan of " + mailbox + " failed: " + MailboxScanner.rootMessage(e));
        }
    }

    private static String key(String mailbox) { return mailbox.strip().toLowerCase(Locale.ROOT); }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

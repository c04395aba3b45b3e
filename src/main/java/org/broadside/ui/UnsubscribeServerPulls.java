package org.broadside.ui;

import org.broadside.accounts.CredentialStore;
import org.broadside.store.Database;
import org.broadside.unsubscribe.ServerPulls;
import org.broadside.unsubscribe.UnsubscribeServerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Pulls unsubscribes from the Broadside servers this desktop knows while the app is open: first after
 * {@link #FIRST}, then every {@link #EVERY}; Tools > "Pull unsubscribes from servers now" runs {@link #pullNow} at once. What was
 * applied reaches the Bounces window, the blacklist and the Delivery panel through the store, as scans do.
 */
final class UnsubscribeServerPulls implements AutoCloseable {
    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeServerPulls.class);

    private final Database db;
    private final ServerPulls pulls;
    private ScheduledExecutorService timer;
    private volatile Runnable afterTimedPull = () -> { };

    /** @param credentials opened only when a server's key is needed from the credential store */
    UnsubscribeServerPulls(Database db, Supplier<CredentialStore> credentials) {
        this.db = db;
        this.pulls = new ServerPulls(db, credentials);
    }

    /** Runs (on the timer's thread) after each timed pull: an open Tools > Unsubscribe servers window reads its list again. */
    void afterTimedPull(Runnable r) {
        this.afterTimedPull = r;
    }

    synchronized void start() {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unsubscribe-pulls");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pullQuietly, FIRST.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Pulls every server now; one sentence per server (empty: none is set up). Call off the FX thread. */
    synchronized List<String> pullNow() {
        return pulls.pullAll();
    }

    /** Pulls one known server now (Tools > Unsubscribe servers, Pull now); what it did. Call off the FX thread. */
    synchronized String pull(String url) {
        return pulls.pull(url);
    }

    boolean anyServer() {
        return !new UnsubscribeServerRepository(db).list().isEmpty();
    }

    private void pullQuietly() {
        try {
            List<String> lines = pullNow();
            for (String line : lines) LOG.info("Unsubscribe pull: {}", line);
            if (!lines.isEmpty()) afterTimedPull.run();
        } catch (RuntimeException e) {
            LOG.warn("Pulling unsubscribes failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
        timer = null;
    }
}

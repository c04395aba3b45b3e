package org.broadside.contacts.validation;

import org.broadside.contacts.ListTaskMonitor;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Checks many domains with a bounded number of lookups in flight (DNS servers throttle floods) and remembers
 * every answer, so a list of a million addresses costs one lookup per distinct domain.
 */
public final class DomainChecker {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DomainChecker.class);
    private final MailDomainResolver resolver;
    private final int concurrency;
    private final Map<String, MailDomainStatus> cache = new ConcurrentHashMap<>();

    public DomainChecker(MailDomainResolver resolver, int concurrency) {
        this.resolver = resolver;
        this.concurrency = Math.max(1, concurrency);
    }

    public MailDomainStatus check(String asciiDomain) {
        return cache.computeIfAbsent(asciiDomain, d -> {
            try {
                return resolver.lookup(d);
            } catch (RuntimeException e) {
                LOG.debug("The mail domain {} could not be looked up", d, e);
                return MailDomainStatus.UNKNOWN;
            }
        });
    }

    /** Looks up all the domains, at most {@code concurrency} at a time; results land in the cache. */
    public void checkAll(Collection<String> asciiDomains) {
        checkAll(asciiDomains, ListTaskMonitor.NONE);
    }

    /**
     * Like {@link #checkAll(Collection)}, stoppable: answers how many domains were looked up, all of them unless
     * cancelled. On a cancel the lookups still running are interrupted and abandoned, not waited for: a DNS server
     * that never answers (or a resolver that ignores interrupts) must not hold up the user's Cancel.
     */
    public int checkAll(Collection<String> asciiDomains, ListTaskMonitor monitor) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "mx-check");
            t.setDaemon(true);
            return t;
        });
        CompletionService<String> answers = new ExecutorCompletionService<>(pool);
        int answered = 0;
        try {
            int total = asciiDomains.size();
            monitor.progress("domains looked up", 0, total);
            for (String d : asciiDomains) answers.submit(() -> check(d), d);
            while (answered < total) {
                if (monitor.cancelRequested()) return answered;
                // A bounded wait, so a cancel is seen within this time even while every lookup hangs.
                if (answers.poll(CANCEL_CHECK_MILLIS, TimeUnit.MILLISECONDS) != null) {
                    answered++;
                    monitor.progress("domains looked up", answered, total);
                }
            }
            return answered;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    private static final long CANCEL_CHECK_MILLIS = 50;

    public int cachedDomains() { return cache.size(); }
}

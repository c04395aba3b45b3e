package org.broadside.contacts.validation;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks many domains with a bounded number of lookups in flight (DNS servers throttle floods) and remembers
 * every answer, so a list of a million addresses costs one lookup per distinct domain.
 */
public final class DomainChecker {
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
                return MailDomainStatus.UNKNOWN;
            }
        });
    }

    /** Looks up all the domains, at most {@code concurrency} at a time; results land in the cache. */
    public void checkAll(Collection<String> asciiDomains) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "mx-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String d : asciiDomains) futures.add(pool.submit(() -> check(d)));
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // check() never throws; a failure here leaves the domain UNKNOWN.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public int cachedDomains() { return cache.size(); }
}

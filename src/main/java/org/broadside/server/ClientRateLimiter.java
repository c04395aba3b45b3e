package org.broadside.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code perMinute} requests a minute, in bursts of at most that many. Zero
 * turns it off (the benchmark). The map forgets full buckets when it grows large, so a flood of addresses cannot
 * exhaust memory.
 */
final class ClientRateLimiter {
    private static final int FORGET_ABOVE = 100_000;
    private final int perMinute;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    ClientRateLimiter(int perMinute) {
        if (perMinute < 0) throw new IllegalArgumentException("the rate limit must be 0 (off) or more requests a minute");
        this.perMinute = perMinute;
    }

    /** True when this address may make one more request now. */
    boolean allow(String address) {
        if (perMinute == 0) return true;
        long now = System.nanoTime();
        if (buckets.size() > FORGET_ABOVE) forgetFull(now);
        Bucket b = buckets.computeIfAbsent(address, a -> new Bucket(perMinute, now));
        synchronized (b) {
            double refill = (now - b.lastNanos) / 60e9 * perMinute;
            b.tokens = Math.min(perMinute, b.tokens + refill);
            b.lastNanos = now;
            if (b.tokens < 1) return false;
            b.tokens -= 1;
            return true;
        }
    }

    private void forgetFull(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().lastNanos) / 60e9 * perMinute >= perMinute;
            }
        });
    }
}

package org.broadside.deliverability.dns;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded TTL cache of DNS answers. A campaign asks for the same few thousand domains over and over; when
 * full it simply starts again empty, which costs one lookup per domain and keeps memory bounded.
 */
final class DnsCache {
    static final long NEGATIVE_TTL = 60;
    private static final long MAX_TTL = 3600;
    private final int capacity;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    DnsCache(int capacity) {
        this.capacity = capacity;
    }

    DnsjavaLookup.Answer get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.expiresAt >= 0) {
            entries.remove(key, e);
            return null;
        }
        return e.answer;
    }

    void put(String key, DnsjavaLookup.Answer answer, long ttlSeconds) {
        if (capacity <= 0 || ttlSeconds <= 0) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        long ttl = Math.min(ttlSeconds, MAX_TTL);
        entries.put(key, new Entry(answer, System.nanoTime() + ttl * 1_000_000_000L));
    }

    private record Entry(DnsjavaLookup.Answer answer, long expiresAt) {
    }
}

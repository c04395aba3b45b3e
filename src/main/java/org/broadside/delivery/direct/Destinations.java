package org.broadside.delivery.direct;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per recipient domain, shared by every session of one messenger: how many connections are open (receivers
 * throttle senders that open many) and until when the domain is backed off after a temporary refusal.
 */
final class Destinations {
    private final int maxConnections;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    Destinations(int maxConnections, Duration firstBackoff, Duration maxBackoff) {
        this.maxConnections = maxConnections;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Takes a connection slot for the domain, or returns false when all are in use. */
    boolean tryOpen(String domain) {
        return state(domain).slots.tryAcquire();
    }

    void closed(String domain) {
        state(domain).slots.release();
    }

    /** Remaining back-off, or null when the domain may be tried now. */
    Duration backedOff(String domain) {
        State s = state(domain);
        synchronized (s) {
            long left = s.until - System.nanoTime();
            return s.until != 0 && left > 0 ? Duration.ofNanos(left) : null;
        }
    }

    /** A temporary refusal: back off, doubling each time up to the maximum. */
    Duration backOff(String domain) {
        State s = state(domain);
        synchronized (s) {
            s.current = s.current == null ? firstBackoff : min(s.current.multipliedBy(2), maxBackoff);
            s.until = System.nanoTime() + s.current.toNanos();
            return s.current;
        }
    }

    /** A message went through: the next refusal starts the back-off from the beginning. */
    void succeeded(String domain) {
        State s = state(domain);
        synchronized (s) {
            s.current = null;
            s.until = 0;
        }
    }

    private State state(String domain) {
        return states.computeIfAbsent(domain.toLowerCase(Locale.ROOT), d -> new State(new Semaphore(maxConnections)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static final class State {
        final Semaphore slots;
        Duration current;
        long until;

        State(Semaphore slots) {
            this.slots = slots;
        }
    }
}

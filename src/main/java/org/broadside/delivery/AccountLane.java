package org.broadside.delivery;

/**
 * One account as the engine drives it: how to connect, and the limits it must respect.
 *
 * @param connections           parallel connections
 * @param messagesPerConnection messages before a connection is closed and reopened (0 = unlimited)
 * @param groupSize             with groupIntervalMillis: pause after every groupSize messages (MaxBulk's Group/Interval)
 * @param maxPerHour            0 = unlimited
 * @param maxPerDay             0 = unlimited
 * @param weight                relative share when several accounts rotate
 * @param maxConnectionFailures failed connections in a row after which the run stops trying this account
 *                              (0 = {@link #DEFAULT_MAX_CONNECTION_FAILURES})
 * @param firstBackoffMillis    the wait after the first failed connection, doubled after each further one
 *                              (0 = {@link #DEFAULT_FIRST_BACKOFF_MILLIS}; tests make it short)
 */
public record AccountLane(String name, Messenger messenger, int connections, int messagesPerConnection, int groupSize,
                          long groupIntervalMillis, int maxPerHour, int maxPerDay, int weight, int maxConnectionFailures,
                          long firstBackoffMillis) {
    public static final int DEFAULT_MAX_CONNECTION_FAILURES = 5;
    public static final long DEFAULT_FIRST_BACKOFF_MILLIS = 1000;

    public AccountLane {
        if (connections < 1) throw new IllegalArgumentException("an account needs at least one connection");
        weight = Math.max(1, weight);
        maxConnectionFailures = maxConnectionFailures <= 0 ? DEFAULT_MAX_CONNECTION_FAILURES : maxConnectionFailures;
        firstBackoffMillis = firstBackoffMillis <= 0 ? DEFAULT_FIRST_BACKOFF_MILLIS : firstBackoffMillis;
    }

    /** With the default failure limit and back-off. */
    public AccountLane(String name, Messenger messenger, int connections, int messagesPerConnection, int groupSize,
                       long groupIntervalMillis, int maxPerHour, int maxPerDay, int weight) {
        this(name, messenger, connections, messagesPerConnection, groupSize, groupIntervalMillis, maxPerHour, maxPerDay, weight, 0, 0);
    }

    /** The same account with another failure limit and first back-off (0 keeps the default). */
    public AccountLane withConnectionFailures(int maxFailures, long firstBackoff) {
        return new AccountLane(name, messenger, connections, messagesPerConnection, groupSize, groupIntervalMillis, maxPerHour,
                maxPerDay, weight, maxFailures, firstBackoff);
    }
}

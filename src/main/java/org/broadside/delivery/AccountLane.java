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
 */
public record AccountLane(String name, Messenger messenger, int connections, int messagesPerConnection, int groupSize,
                          long groupIntervalMillis, int maxPerHour, int maxPerDay, int weight) {
    public AccountLane {
        if (connections < 1) throw new IllegalArgumentException("an account needs at least one connection");
        weight = Math.max(1, weight);
    }
}

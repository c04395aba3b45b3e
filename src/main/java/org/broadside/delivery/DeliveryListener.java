package org.broadside.delivery;

/**
 * Events of one campaign run. Every connectionOpened is followed by exactly one connectionClosed.
 * Called on engine threads: return quickly, never block, never throw, never touch JavaFX.
 */
public interface DeliveryListener {
    default void runStarted(long runId, Progress progress) {}
    default void connectionOpened(ConnectionId id, String greeting) {}
    default void line(ConnectionId id, LineDirection direction, String text) {}
    default void sending(long recipientId, String email, ConnectionId id) {}
    default void receipt(Receipt receipt) {}
    default void connectionClosed(ConnectionId id, String why) {}
    default void progress(Progress progress) {}
    default void statusChanged(CampaignStatus status, String reason) {}
    /** An account-level problem, pause or recovery (cannot connect, TLS, login refused, 421, quota, back-off). */
    default void accountNotice(AccountNotice notice) {}
    default void runEnded(Progress progress, CampaignStatus status, String reason) {}

    DeliveryListener NONE = new DeliveryListener() {};
}

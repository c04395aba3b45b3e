package org.broadside.delivery;

/**
 * A recipient's new delivery state as the state writer records it (every column the engine owns, so the
 * last write wins cleanly).
 */
public record StateUpdate(long recipientId, RecipientState state, int code, String enhancedCode, String reply,
                          String queueId, int attempts, Long nextAttemptAt, Long firstAttemptAt, String account,
                          String messageId, long runId, int connection, String reason, long at) {}

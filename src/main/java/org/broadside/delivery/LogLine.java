package org.broadside.delivery;

/** One stored connection log line. recipientId is set for lines of a transaction, else 0. */
public record LogLine(long id, long runId, int connection, long at, LineDirection direction, String text, long recipientId) {}

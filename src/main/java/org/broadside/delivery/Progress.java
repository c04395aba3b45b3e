package org.broadside.delivery;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts per state, and the send rate, at one moment of a run.
 *
 * @param messagesPerSecond accepted-or-refused transactions per second over the last few seconds
 */
public record Progress(Map<RecipientState, Long> counts, double messagesPerSecond, long total) {
    public Progress {
        counts = Map.copyOf(counts.isEmpty() ? new EnumMap<>(RecipientState.class) : new EnumMap<>(counts));
    }

    public long count(RecipientState s) { return counts.getOrDefault(s, 0L); }

    /** Recipients that still need something done (PENDING, SENDING, DEFERRED). */
    public long remaining() { return count(RecipientState.PENDING) + count(RecipientState.SENDING) + count(RecipientState.DEFERRED); }

    /** Estimated seconds left at the current rate, or -1 when unknown. */
    public long secondsLeft() {
        return messagesPerSecond <= 0.01 ? -1 : (long) Math.ceil(remaining() / messagesPerSecond);
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (RecipientState s : RecipientState.values()) {
            long n = count(s);
            if (n == 0 && s != RecipientState.SENT) continue;
            if (sb.length() > 0) sb.append("  ");
            sb.append(s.name().toLowerCase()).append(' ').append(n);
        }
        sb.append(String.format("  (%.0f msg/s)", messagesPerSecond));
        return sb.toString();
    }
}

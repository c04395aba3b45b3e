package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;

/** Exponential back-off for deferred recipients, and when to give up on them. */
final class RetrySchedule {
    private static final long MAX_DELAY_MILLIS = 6 * 3600_000L;
    private final DeliveryOptions options;

    RetrySchedule(DeliveryOptions options) {
        this.options = options;
    }

    /** The time of the next attempt after {@code attempts} attempts, or null when it is time to give up. */
    Long nextAttempt(int attempts, long firstAttemptAt, long now) {
        if (attempts >= options.maxAttemptsOrDefault()) return null;
        if (now - firstAttemptAt >= options.giveUpAfterHoursOrDefault() * 3600_000L) return null;
        long delay = options.retryAfterSecondsOrDefault() * 1000L;
        for (int i = 1; i < attempts && delay < MAX_DELAY_MILLIS; i++) delay *= 2;
        return now + Math.min(delay, MAX_DELAY_MILLIS);
    }
}

package org.broadside.report;

import java.time.Duration;

/**
 * The width of one step of the receipts-over-time chart, chosen from how long the campaign took so the chart has
 * between a few and about two hundred steps: seconds for a short test, minutes for an afternoon, hours or days beyond.
 */
public enum TimeBucket {
    SECOND(Duration.ofSeconds(1), "per second"),
    MINUTE(Duration.ofMinutes(1), "per minute"),
    HOUR(Duration.ofHours(1), "per hour"),
    DAY(Duration.ofDays(1), "per day");

    private static final int MOST_STEPS = 200;

    private final Duration width;
    private final String words;

    TimeBucket(Duration width, String words) {
        this.width = width;
        this.words = words;
    }

    public Duration width() { return width; }

    public long millis() { return width.toMillis(); }

    /** "per minute": how the chart's axis says it. */
    public String words() { return words; }

    /** The narrowest bucket that covers {@code span} in at most about two hundred steps. */
    public static TimeBucket forSpan(Duration span) {
        for (TimeBucket b : values()) {
            if (span.toMillis() / b.millis() < MOST_STEPS) return b;
        }
        return DAY;
    }
}

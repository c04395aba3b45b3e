package org.broadside.report;

import java.util.List;

/**
 * Receipts over time, one point per step from the first receipt to the last (steps without receipts are included,
 * as zeros, so a pause shows as a gap). A recipient counts once, at its latest answer.
 */
public record Timeline(TimeBucket bucket, List<TimelinePoint> points) {
    public static final Timeline EMPTY = new Timeline(TimeBucket.SECOND, List.of());

    public Timeline {
        points = List.copyOf(points);
    }

    /** The largest receipt count of one step: the top of the chart's scale. */
    public long peak() {
        return points.stream().mapToLong(TimelinePoint::total).max().orElse(0);
    }
}

package org.broadside.report;

import java.time.Instant;

/** The receipts of one step of the chart: recipients whose latest answer came between {@code at} and the next step. */
public record TimelinePoint(Instant at, long sent, long deferred, long failed, long unknown) {
    public long total() { return sent + deferred + failed + unknown; }
}

package org.broadside.bounces;

/** Distinct addresses per outcome of one campaign, undone events left out: what the Delivery panel and the report show. */
public record BounceCounts(long hardBounces, long softBounces, long complaints, long unsubscribes) {
    public long bounces() { return hardBounces + softBounces; }
}

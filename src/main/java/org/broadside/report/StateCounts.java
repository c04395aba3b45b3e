package org.broadside.report;

import org.broadside.delivery.RecipientState;

import java.util.Arrays;

/** How many recipients are in each state: one row of a report (the whole campaign, an account, a domain). */
public final class StateCounts {
    private final long[] counts = new long[RecipientState.values().length];

    /** Counts nothing yet; {@link #add} fills it. */
    public StateCounts() {}

    /** Adds {@code n} recipients in {@code state}; returns this, for chaining. */
    public StateCounts add(RecipientState state, long n) {
        counts[state.ordinal()] += n;
        return this;
    }

    /** Adds every count of another row (used to fold small domains into "others"). */
    public StateCounts addAll(StateCounts other) {
        for (int i = 0; i < counts.length; i++) counts[i] += other.counts[i];
        return this;
    }

    public long of(RecipientState state) { return counts[state.ordinal()]; }

    public long total() { return Arrays.stream(counts).sum(); }

    /** Accepted by the server (2xx to the end of data). */
    public long sent() { return of(RecipientState.SENT); }

    /** Refused for good (5xx, or retries used up): a hard failure. */
    public long failed() { return of(RecipientState.FAILED); }

    /** Refused for now (4xx), waiting for a retry: a soft failure. */
    public long deferred() { return of(RecipientState.DEFERRED); }

    public long unknown() { return of(RecipientState.UNKNOWN); }

    public long skipped() { return of(RecipientState.SKIPPED); }

    /** Not tried yet (SENDING only exists in memory during a transaction, so a stored one counts as not done). */
    public long pending() { return of(RecipientState.PENDING) + of(RecipientState.SENDING); }

    /** Recipients a server answered for (or was answering when the connection broke): what "receipts" counts. */
    public long attempted() { return sent() + failed() + deferred() + unknown(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateCounts s && Arrays.equals(counts, s.counts);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(counts); }

    @Override
    public String toString() {
        return "sent " + sent() + ", failed " + failed() + ", deferred " + deferred() + ", unknown " + unknown()
                + ", skipped " + skipped() + ", pending " + pending();
    }
}

package org.broadside.delivery;

/** Where a recipient of a campaign stands; see docs/architecture.md and the product guide for the rules. */
public enum RecipientState {
    /** Not tried yet. */
    PENDING,
    /** A transaction for it is open (only in memory: after a crash it is PENDING, DEFERRED or UNKNOWN). */
    SENDING,
    /** The server answered 2xx to end of data: it accepted responsibility, not necessarily an inbox delivery. */
    SENT,
    /** 4xx, or the connection was lost before end of data was sent: retried with back-off. */
    DEFERRED,
    /** 5xx, or retries exhausted. Final. */
    FAILED,
    /** The connection was lost after end of data was sent and before the reply: the server may have accepted it. */
    UNKNOWN,
    /** Never attempted: blacklisted, invalid, duplicate or missing data. Final, with the reason. */
    SKIPPED;

    /** True for the states a run never sends to again. */
    public boolean isFinal() {
        return this == SENT || this == FAILED || this == SKIPPED;
    }
}

package org.broadside.compose.testsend;

/** What became of one test message, from the server's reply (or its absence). */
public enum TestOutcome {
    /** A 2xx reply to end of data: the server took the message (not yet "in the inbox"). */
    ACCEPTED,
    /** A 4xx reply: the server refused it for now. */
    DEFERRED,
    /** A 5xx reply: the server refused it for good. */
    REFUSED,
    /** No reply to judge: no connection, the connection broke, or the message could not be built. */
    NOT_SENT;

    public boolean failed() { return this != ACCEPTED; }
}

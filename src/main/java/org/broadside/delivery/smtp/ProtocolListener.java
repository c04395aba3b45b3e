package org.broadside.delivery.smtp;

/**
 * Receives every protocol line, credentials already hidden ("AUTH PLAIN &lt;credentials hidden&gt;").
 * Called on the sending thread: must return fast and never throw.
 */
@FunctionalInterface
public interface ProtocolListener {
    /** A listener that ignores everything. */
    ProtocolListener NONE = (d, t) -> { };

    void line(Direction d, String text);

    /**
     * The next message's MAIL/RCPT/DATA follow, written ahead behind this message's "." (pipelining); the replies
     * still to come belong to this message first. Lets a log file each line under the transaction it belongs to.
     */
    default void nextMessageAhead() { }
}

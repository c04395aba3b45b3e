package org.broadside.delivery;

/**
 * Opens delivery sessions (connections) for one account. The SMTP implementation lives in delivery.smtp;
 * tests may supply their own. Keeping the engine behind this seam lets it be tested without sockets.
 */
public interface Messenger {
    /** Opens a connected, authenticated session; protocol lines go to {@code log}. */
    MessengerSession open(ConnectionId id, SessionLog log) throws SessionException;

    /** Receives the protocol lines of one session, credentials already hidden. Must return fast. */
    @FunctionalInterface
    interface SessionLog {
        void line(LineDirection direction, String text);

        /** The client lines that follow belong to the next message, written ahead (see ProtocolListener). */
        default void nextMessageAhead() { }
    }
}

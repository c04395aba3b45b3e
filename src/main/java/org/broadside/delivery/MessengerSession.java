package org.broadside.delivery;

/** One open connection that carries messages one transaction at a time. */
public interface MessengerSession extends AutoCloseable {
    String greeting();

    /**
     * Sends one message. Per-message outcomes (accepted, refused, connection lost) are returned, never thrown.
     * {@code hook} runs after the body was written and before the terminating "." is, so the engine can make
     * "end of data sent" durable first.
     */
    Attempt send(OutgoingMessage message, EndOfDataHook hook) throws InterruptedException;

    /**
     * Like {@link #send(OutgoingMessage, EndOfDataHook)}, and a session that can pipeline writes {@code next}'s
     * envelope right behind this message's "." to save a round trip; the next call must then send {@code next}, or
     * the session must be closed (which aborts it unsent). Sessions that cannot ignore {@code next}.
     */
    default Attempt send(OutgoingMessage message, EndOfDataHook hook, OutgoingMessage next) throws InterruptedException {
        return send(message, hook);
    }

    /** False once the connection is broken or the server closed it. */
    boolean usable();

    /** Says goodbye (QUIT) when possible and closes the connection; never throws. */
    @Override
    void close();

    /** Runs just before end of data is written. */
    @FunctionalInterface
    interface EndOfDataHook {
        void beforeEndOfData() throws InterruptedException;
    }
}

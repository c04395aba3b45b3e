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

    /**
     * How many messages this session keeps in flight at once (CHUNKING with PIPELINING, ADR 0021); 0 when it sends
     * one at a time through {@link #send}. A windowed session takes its messages through {@link #submit} and
     * {@link #nextReceipt} only.
     */
    default int window() {
        return 0;
    }

    /**
     * Windowed sessions: writes the message without waiting for its receipt. {@code hook} runs before any byte that
     * could complete the message goes out. Returns the message's outcome when it is known at once (refused before
     * anything was sent, or the connection failed while writing it); null when it is in flight and its receipt comes
     * from a later {@link #nextReceipt}.
     */
    default Attempt submit(OutgoingMessage message, EndOfDataHook hook) throws InterruptedException {
        return send(message, hook);
    }

    /** Windowed sessions: the outcome of the oldest message in flight (receipts come in the order of submission). */
    default Attempt nextReceipt() throws InterruptedException {
        throw new IllegalStateException("this session keeps no message in flight");
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

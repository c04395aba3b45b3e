package org.broadside.delivery;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One personalised message ready for the wire.
 *
 * @param body          writes the RFC 5322 bytes (the session CRLF-normalises and dot-stuffs)
 * @param needsSmtpUtf8 true when an address or header needs the server's SMTPUTF8 extension
 */
public record OutgoingMessage(long recipientId, String mailFrom, String recipient, String messageId, Body body, boolean needsSmtpUtf8) {
    /** The message bytes, written on demand so they are never held longer than one transaction. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}

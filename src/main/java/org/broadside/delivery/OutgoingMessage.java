package org.broadside.delivery;

import org.broadside.delivery.smtp.MessageBody;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One personalised message ready for the wire.
 *
 * @param body          writes the RFC 5322 bytes (the session CRLF-normalises and dot-stuffs)
 * @param needsSmtpUtf8 true when an address or header needs the server's SMTPUTF8 extension
 */
public record OutgoingMessage(long recipientId, String mailFrom, String recipient, String messageId, Body body, boolean needsSmtpUtf8) {
    /** The message as the SMTP client writes it (relay and direct sessions alike). */
    public MessageBody smtpBody() {
        return new MessageBody() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                body.writeTo(out);
            }

            @Override
            public boolean requiresSmtpUtf8() {
                return needsSmtpUtf8;
            }

            @Override
            public boolean wireReady() {
                return body.wireReady();
            }
        };
    }

    /** The message bytes, written on demand so they are never held longer than one transaction. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;

        /**
         * True when the bytes are already SMTP DATA content: every line ends in CRLF, there is no bare CR or LF and no
         * line starts with ".". The client then copies them as they are instead of scanning every byte. Only a writer
         * that guarantees this by construction may say so: a wrong "true" would let a line "." end the message early.
         */
        default boolean wireReady() {
            return false;
        }

        /** {@code writer}, declared wire-ready (see {@link #wireReady()}). */
        static Body wireReady(Body writer) {
            return new Body() {
                @Override
                public void writeTo(OutputStream out) throws IOException {
                    writer.writeTo(out);
                }

                @Override
                public boolean wireReady() {
                    return true;
                }
            };
        }
    }
}

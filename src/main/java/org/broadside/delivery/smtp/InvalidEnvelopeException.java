package org.broadside.delivery.smtp;

/** The message was refused locally before anything was sent (unsafe address, SMTPUTF8 or 8BITMIME not offered); the connection stays usable. */
public class InvalidEnvelopeException extends SmtpException {
    public InvalidEnvelopeException(String message, Stage stage, boolean endOfDataSent, Reply reply, Throwable cause) {
        super(message, stage, endOfDataSent, reply, cause);
    }
}

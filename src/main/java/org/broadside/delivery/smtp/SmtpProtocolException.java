package org.broadside.delivery.smtp;

/** The server broke the protocol (malformed, oversized or unsolicited reply); the connection is closed. */
public class SmtpProtocolException extends SmtpException {
    public SmtpProtocolException(String message, Stage stage, boolean endOfDataSent, Reply reply, Throwable cause) {
        super(message, stage, endOfDataSent, reply, cause);
    }
}

package org.broadside.delivery.smtp;

/** The server refused the greeting, EHLO or another setup step with a negative reply. */
public class SmtpRejectedException extends SmtpException {
    public SmtpRejectedException(String message, Stage stage, boolean endOfDataSent, Reply reply, Throwable cause) {
        super(message, stage, endOfDataSent, reply, cause);
    }
}

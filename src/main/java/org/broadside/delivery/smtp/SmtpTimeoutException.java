package org.broadside.delivery.smtp;

/** A wait or the whole-transaction deadline ran out; the connection is closed. */
public class SmtpTimeoutException extends SmtpException {
    public SmtpTimeoutException(String message, Stage stage, boolean endOfDataSent, Reply reply, Throwable cause) {
        super(message, stage, endOfDataSent, reply, cause);
    }
}

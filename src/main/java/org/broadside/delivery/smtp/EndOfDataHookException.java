package org.broadside.delivery.smtp;

/** The end-of-data hook failed, so the final "." was not sent; the connection is closed. */
public class EndOfDataHookException extends SmtpException {
    public EndOfDataHookException(String message, Stage stage, boolean endOfDataSent, Reply reply, Throwable cause) {
        super(message, stage, endOfDataSent, reply, cause);
    }
}

package org.broadside.delivery.smtp;

/** The connection broke (reset, closed by the server, I/O error); the connection is closed. */
public class SmtpConnectionLostException extends SmtpException {
    public SmtpConnectionLostException(String message, Stage stage, boolean endOfDataSent, Reply reply, Throwable cause) {
        super(message, stage, endOfDataSent, reply, cause);
    }
}

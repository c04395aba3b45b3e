package org.broadside.delivery.smtp;

/** The server said 421 (closing): defer everything in flight on this connection and back off. */
public class ServerClosingException extends SmtpException {
    public ServerClosingException(String message, Stage stage, boolean endOfDataSent, Reply reply, Throwable cause) {
        super(message, stage, endOfDataSent, reply, cause);
    }
}

package org.broadside.delivery.smtp;

/** The TCP connection itself was not answered in time (no greeting involved): nothing on the way replied. */
public class ConnectTimeoutException extends SmtpTimeoutException {
    public ConnectTimeoutException(String message, Throwable cause) {
        super(message, Stage.CONNECT, false, null, cause);
    }
}

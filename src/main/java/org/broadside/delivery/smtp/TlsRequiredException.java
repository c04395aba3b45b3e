package org.broadside.delivery.smtp;

/** TLS was required but the server did not offer or refused STARTTLS; stopped before AUTH, no password was sent. */
public class TlsRequiredException extends SmtpException {
    public TlsRequiredException(String message, Stage stage, boolean endOfDataSent, Reply reply, Throwable cause) {
        super(message, stage, endOfDataSent, reply, cause);
    }
}

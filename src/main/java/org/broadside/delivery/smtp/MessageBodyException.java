package org.broadside.delivery.smtp;

/** The message body could not be produced while sending; the "." was not sent and the connection is closed. */
public class MessageBodyException extends SmtpException {
    public MessageBodyException(String message, Throwable cause) {
        super(message, Stage.BODY, false, null, cause);
    }
}

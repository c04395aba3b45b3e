package org.broadside.delivery.smtp;

/** Login failed: the server rejected the credentials, or does not offer the chosen mechanism (reply null). */
public class AuthenticationFailedException extends SmtpException {
    public AuthenticationFailedException(String message, Reply reply) {
        super(message, Stage.AUTH, false, reply, null);
    }
}

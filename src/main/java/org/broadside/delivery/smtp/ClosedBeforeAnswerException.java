package org.broadside.delivery.smtp;

/**
 * A message in a CHUNKING window behind one the server answered with 421: the server closed without answering it,
 * so it did not take it. Deferred like the 421 itself, but not a second 421 (the account backs off once).
 */
public class ClosedBeforeAnswerException extends SmtpException {
    public ClosedBeforeAnswerException(String message, Stage stage, Reply closing) {
        super(message, stage, false, closing, null);
    }
}

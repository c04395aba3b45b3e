package org.broadside.delivery.smtp;

/**
 * A failure of the SMTP conversation, with a one-sentence message for the user, the stage, and whether the
 * terminating "." had already been written (then the outcome is unknown: the server may have queued it).
 */
public class SmtpException extends Exception {
    private final Stage stage;
    private final boolean endOfDataSent;
    private final Reply reply;

    public SmtpException(String message, Stage stage, boolean endOfDataSent, Reply reply, Throwable cause) {
        super(message, cause);
        this.stage = stage;
        this.endOfDataSent = endOfDataSent;
        this.reply = reply;
    }

    public Stage stage() {
        return stage;
    }

    /** True when the final "." was written before the failure: mark recipients UNKNOWN, never FAILED. */
    public boolean endOfDataSent() {
        return endOfDataSent;
    }

    /** The server reply behind the failure, or null when there was none. */
    public Reply reply() {
        return reply;
    }
}

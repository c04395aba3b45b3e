package org.broadside.bounces;

/** A mailbox that cannot be read (unreachable, login refused, untrusted certificate, missing folder), in one sentence. */
public class MailboxException extends RuntimeException {
    public MailboxException(String message) { super(message); }
    public MailboxException(String message, Throwable cause) { super(message, cause); }
}

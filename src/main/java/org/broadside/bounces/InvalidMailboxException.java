package org.broadside.bounces;

/** A mailbox setting that cannot work, described in one sentence. */
public class InvalidMailboxException extends RuntimeException {
    public InvalidMailboxException(String message) { super(message); }
}

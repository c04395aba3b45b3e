package org.broadside.bounces;

/** The user stopped a scan before it recorded anything: nothing was recorded, moved or deleted. */
public final class ScanCancelledException extends MailboxException {
    public ScanCancelledException(String mailbox) {
        super("The scan of " + mailbox + " was stopped before anything was recorded.");
    }
}

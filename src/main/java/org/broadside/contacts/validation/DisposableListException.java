package org.broadside.contacts.validation;

/** A disposable-domain list file that cannot be used: unreadable, not text, empty, or with a line that is no domain. */
public final class DisposableListException extends Exception {
    private static final long serialVersionUID = 1L;

    public DisposableListException(String message) {
        super(message);
    }

    public DisposableListException(String message, Throwable cause) {
        super(message, cause);
    }
}

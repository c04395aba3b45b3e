package org.broadside.unsubscribe;

/** A pull that could not be completed: the server could not be reached, refused the key, or answered nonsense. */
public final class PullException extends Exception {
    public PullException(String message, Throwable cause) {
        super(message, cause);
    }
}

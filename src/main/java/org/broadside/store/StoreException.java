package org.broadside.store;

/** A store problem described in one sentence for the user; the cause keeps the technical detail. */
public class StoreException extends RuntimeException {
    public StoreException(String message) { super(message); }
    public StoreException(String message, Throwable cause) { super(message, cause); }
}

package org.broadside.contacts.imports;

/** An import that cannot start or cannot finish; the message is one sentence for the user, and nothing was written. */
public class ImportException extends RuntimeException {
    public ImportException(String message) { super(message); }
    public ImportException(String message, Throwable cause) { super(message, cause); }
}

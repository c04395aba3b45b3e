package org.broadside.contacts.imports;

/** A database URL that cannot be taken apart; the message names what is wrong with it. */
public final class InvalidJdbcUrlException extends ImportException {
    public InvalidJdbcUrlException(String message) {
        super(message);
    }
}

package org.broadside.unsubscribe;

/** A server key that does not read as one (wrong prefix, not base64url, wrong length). */
public final class InvalidServerSecretException extends IllegalArgumentException {
    public InvalidServerSecretException(String message) {
        super(message);
    }
}

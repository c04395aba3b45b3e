package org.broadside.unsubscribe;

/** A server address the desktop will not pull from: not a web address, or plain http to another machine. */
public final class InvalidServerAddressException extends IllegalArgumentException {
    public InvalidServerAddressException(String message) {
        super(message);
    }
}

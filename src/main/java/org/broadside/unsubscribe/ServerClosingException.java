package org.broadside.unsubscribe;

/** The server is shutting down and takes no new events; the client should try again later. */
public final class ServerClosingException extends IllegalStateException {
    public ServerClosingException() {
        super("the server is shutting down");
    }
}

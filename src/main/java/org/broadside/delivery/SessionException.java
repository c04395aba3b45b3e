package org.broadside.delivery;

/**
 * A session could not be opened. Permanent problems (authentication refused, certificate not trusted,
 * STARTTLS required but missing) take the account out of the run; temporary ones make it back off.
 */
public class SessionException extends Exception {
    private final boolean permanent;
    private final boolean serverClosing;

    public SessionException(String message, boolean permanent, boolean serverClosing, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.serverClosing = serverClosing;
    }

    public boolean permanent() { return permanent; }

    public boolean serverClosing() { return serverClosing; }
}

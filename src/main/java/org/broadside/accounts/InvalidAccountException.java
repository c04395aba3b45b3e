package org.broadside.accounts;

/** An account setting the user must fix, described in one sentence. */
public class InvalidAccountException extends IllegalArgumentException {
    public InvalidAccountException(String message) { super(message); }
}

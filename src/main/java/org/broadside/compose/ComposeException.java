package org.broadside.compose;

/** A campaign that cannot be turned into messages (no From, a template error, a missing file), in one sentence. */
public class ComposeException extends Exception {
    public ComposeException(String message) { super(message); }
    public ComposeException(String message, Throwable cause) { super(message, cause); }
}

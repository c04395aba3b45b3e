package org.broadside.diagnostics;

import java.util.ConcurrentModificationException;
import java.util.NoSuchElementException;

/**
 * The words a user sees for a caught exception. A failure we worded (a store error, a bad file) keeps its message;
 * a programming error, or an exception without a message, is named by its type and points at the log file, which has
 * its stack trace: "delivery stopped: null" told nobody anything.
 */
public final class FailureText {
    private FailureText() {}

    /** The message, or "internal error (Type: message) - details in the log file ..." for an error we did not word. */
    public static String of(Throwable error) {
        String message = error.getMessage();
        if (!isInternal(error)) return message;
        String type = error.getClass().getSimpleName();
        return "internal error (" + (message == null || message.isBlank() ? type : type + ": " + message) + ")" + logHint();
    }

    /** True for an exception that no code worded for the user: one without a message, or a bug's own type. */
    public static boolean isInternal(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() || error instanceof NullPointerException
                || error instanceof ClassCastException || error instanceof IndexOutOfBoundsException
                || error instanceof ArithmeticException || error instanceof ConcurrentModificationException
                || error instanceof NoSuchElementException || error instanceof Error;
    }

    /**
     * For a catch-all that shows the user a sentence: logs the error with its stack trace (ERROR for an internal one,
     * DEBUG for one we worded, which the user already reads) and returns {@link #of}.
     */
    public static String logged(org.slf4j.Logger log, String what, Throwable error) {
        if (isInternal(error)) log.error(what, error);
        else log.debug(what, error);
        return of(error);
    }

    /** " - details in the log file PATH", or nothing when no log file is being written. */
    public static String logHint() {
        return LogFile.current().map(p -> " - details in the log file " + p).orElse("");
    }
}

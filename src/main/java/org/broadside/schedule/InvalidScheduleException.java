package org.broadside.schedule;

/** A schedule that cannot be used as given (a time that is not a time, an empty window...); the message says what to fix. */
public final class InvalidScheduleException extends Exception {
    public InvalidScheduleException(String message) { super(message); }
}

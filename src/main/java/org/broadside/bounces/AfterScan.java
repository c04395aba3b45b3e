package org.broadside.bounces;

/** What happens to a recognised message after it was recorded. Unrecognised messages are never touched. */
public enum AfterScan {
    /** Leave it where it is (a later scan recognises it as already processed). */
    KEEP,
    /** Move it to the processed folder (IMAP only). */
    MOVE,
    /** Delete it from the server. */
    DELETE
}

package org.broadside.cli;

/** What the process tells its caller (cron, scripts, CI). */
public final class ExitCodes {
    /** Done: for send, every recipient is SENT, FAILED or SKIPPED. */
    public static final int OK = 0;
    /** The command ran and found problems (check: an error in the preflight). */
    public static final int FINDINGS = 1;
    /** Bad input: unreadable file, unknown list, wrong password... nothing was half-written. */
    public static final int BAD_INPUT = 2;
    /** send: some recipients are still PENDING, DEFERRED or UNKNOWN. */
    public static final int INCOMPLETE = 3;

    private ExitCodes() {}
}

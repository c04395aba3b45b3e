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
    /** An error Broadside did not expect (a bug): one line on stderr names it and the log file has its stack trace. */
    public static final int UNEXPECTED = 4;
    /** The desktop app cannot open a window here (no display, no GTK libraries); the command line still works. */
    public static final int NO_DESKTOP = 5;

    private ExitCodes() {}
}

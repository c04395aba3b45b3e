package org.broadside.schedule;

/** Where a schedule stands. Stored by name in {@code schedules.state}. */
public enum ScheduleState {
    /** Waiting for its start (or, after a run cut short by the sending window, for the window to open again). */
    SCHEDULED,
    /** Claimed by a process that is sending it now (the desktop app or "broadside schedule run"). */
    RUNNING,
    /** Its run ended with nothing left to send (UNKNOWN recipients wait for the user, as after any send). */
    DONE,
    /** The user cancelled it; nothing starts it again. */
    CANCELLED,
    /** Its start passed without a run (the app was closed, or the run could not start): it waits for the user. */
    MISSED
}

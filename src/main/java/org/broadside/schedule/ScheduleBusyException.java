package org.broadside.schedule;

/** A change refused because the schedule's campaign is being sent right now by the process that claimed it. */
public final class ScheduleBusyException extends Exception {
    private final transient Schedule schedule;

    public ScheduleBusyException(Schedule schedule) {
        super("\"" + schedule.campaignName() + "\" is being sent by " + (schedule.claimant() == null ? "another process"
                : schedule.claimant().describe()) + " now; stop that send first.");
        this.schedule = schedule;
    }

    public Schedule schedule() { return schedule; }
}

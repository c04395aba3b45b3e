package org.broadside.bounces;

/** What processing one message did (or, in a dry run, would do). */
public enum BounceAction {
    BLACKLISTED("blacklisted", "would blacklist"),
    ALREADY_BLACKLISTED("already blacklisted", "already blacklisted"),
    RECORDED("recorded", "would record"),
    IGNORED("ignored", "would ignore"),
    NO_ADDRESS("recorded, no address found", "would record, no address found"),
    ALREADY_PROCESSED("already processed", "already processed"),
    LEFT_ALONE("left in mailbox", "would leave in mailbox");

    private final String done;
    private final String planned;

    BounceAction(String done, String planned) {
        this.done = done;
        this.planned = planned;
    }

    public String describe(boolean dryRun) { return dryRun ? planned : done; }
}

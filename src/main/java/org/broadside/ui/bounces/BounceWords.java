package org.broadside.ui.bounces;

import org.broadside.bounces.BounceEvent;
import org.broadside.bounces.BounceKind;

/** The words the bounces window uses for kinds and actions: plain ones, not the command line's labels. */
public final class BounceWords {
    private BounceWords() {}

    public static String kind(BounceKind kind) {
        if (kind == null) return "All kinds";
        return switch (kind) {
            case HARD_BOUNCE -> "Hard bounce";
            case SOFT_BOUNCE -> "Soft bounce";
            case COMPLAINT -> "Complaint";
            case UNSUBSCRIBE -> "Unsubscribe";
            case AUTO_REPLY -> "Automatic reply";
            case UNRECOGNISED -> "Not recognised";
        };
    }

    /** What was done to the address: "Blacklisted, contact flagged", "Recorded"; "Undone (was: blacklisted)" once undone. */
    public static String action(BounceEvent e) {
        String done = switch (e.action()) {
            case BLACKLISTED -> e.contactFlag() != null ? "Blacklisted, contact flagged " + e.contactFlag() : "Blacklisted";
            case ALREADY_BLACKLISTED -> e.contactFlag() != null ? "Already blacklisted, contact flagged " + e.contactFlag() : "Already blacklisted";
            case RECORDED -> "Recorded";
            case IGNORED -> "Ignored";
            case NO_ADDRESS -> "Recorded, no address found";
            case ALREADY_PROCESSED -> "Already processed";
            case LEFT_ALONE -> "Left in the mailbox";
        };
        return e.undone() ? "Undone (was: " + Character.toLowerCase(done.charAt(0)) + done.substring(1) + ")" : done;
    }

    /** Whether Undo would change anything: an event that added a blacklist entry or a contact flag, not undone yet. */
    public static boolean undoable(BounceEvent e) {
        return !e.undone() && (e.blacklistEntry() != null || e.contactFlag() != null);
    }
}

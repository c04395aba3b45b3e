package org.broadside.bounces;

/**
 * The outcome for one message of a scan.
 *
 * @param recipient the matched recipient, else null
 * @param address   the address acted on (the recipient's, else the one the message states), or null
 * @param detail    extra words for the action, e.g. "soft bounce 1 of 3", or null
 * @param eventId   the recorded bounce event (null for a dry run and for messages left alone)
 */
public record ScanLine(BounceKind kind, MatchedRecipient recipient, String address, BounceAction action, String detail,
                       Long eventId, String subject) {
    /** "hard-bounce  jane@example.com  campaign "Autumn news"  blacklisted (event 4)" */
    public String format(boolean dryRun) {
        String campaign = recipient == null ? "no campaign" : "campaign \"" + recipient.campaignName() + "\"";
        return kind.label() + "  " + (address == null ? "-" : address) + "  " + campaign + "  " + action.describe(dryRun)
                + (detail == null ? "" : " (" + detail + ")") + (eventId == null ? "" : " [event " + eventId + "]");
    }
}

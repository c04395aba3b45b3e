package org.broadside.bounces;

import java.time.Instant;

/**
 * One recorded message: what it was, whom it concerned, what was done, and what undo must reverse.
 *
 * @param messageDate    the Date of the bounce, complaint or request itself
 * @param blacklistEntry the blacklist entry this event added, or null
 * @param contactFlag    the contact flag this event added, or null
 * @param undoneAt       when it was undone, or null
 */
public record BounceEvent(long id, String mailbox, Instant messageDate, Instant recordedAt, BounceKind kind, String email,
                          Long campaignId, Long recipientId, String status, String reason, BounceAction action,
                          String blacklistEntry, String contactFlag, Instant undoneAt) {
    public boolean undone() { return undoneAt != null; }
}

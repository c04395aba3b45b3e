package org.broadside.bounces;

/** The campaign recipient a message answers, and the evidence that tied them together. */
public record MatchedRecipient(long recipientId, long campaignId, String campaignName, String email, MatchedBy matchedBy) {
    /** Strongest evidence first. */
    public enum MatchedBy { VERP, MESSAGE_ID, ADDRESS }
}

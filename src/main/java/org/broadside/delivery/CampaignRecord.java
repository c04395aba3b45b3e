package org.broadside.delivery;

/** A campaign's row in the store. frozenAt is null until its recipient list was frozen. */
public record CampaignRecord(long id, String uid, String name, CampaignStatus status, String statusReason, Long frozenAt) {
    public boolean frozen() { return frozenAt != null; }
}

package org.broadside.bounces;

/**
 * A bounce event as the bounces window lists it: with the uid and name of the campaign it answers (both null when
 * the message could not be matched to a campaign).
 */
public record ListedBounce(BounceEvent event, String campaignUid, String campaignName) {
    /** A campaign that has bounce events, for the window's campaign filter. */
    public record CampaignName(String uid, String name) {}
}

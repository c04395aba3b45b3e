package org.broadside.bounces;

/**
 * What a recognised message does to its address. Defaults follow the mailbox providers' expectations: hard bounces,
 * complaints and unsubscribes blacklist at once, soft bounces after three campaigns in a row.
 *
 * @param softBounceLimit soft bounces in a row that blacklist the address; 0 means never
 */
public record BounceRules(boolean blacklistHardBounces, int softBounceLimit, boolean blacklistComplaints, boolean blacklistUnsubscribes) {
    public static final BounceRules DEFAULT = new BounceRules(true, 3, true, true);

    public BounceRules {
        if (softBounceLimit < 0 || softBounceLimit > 100)
            throw new IllegalArgumentException("The soft bounce limit must be between 0 (never) and 100.");
    }
}

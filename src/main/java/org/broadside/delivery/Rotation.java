package org.broadside.delivery;

import java.util.List;

/**
 * Spreads recipients over accounts by weight: an account may take the next recipient only while its share,
 * taken/weight, is not ahead of the slowest available account's. Accounts that are down or waiting are left
 * out of the comparison, which is what makes failover automatic.
 */
final class Rotation {
    private final List<AccountThrottle> throttles;
    private final long[] taken;

    Rotation(List<AccountThrottle> throttles) {
        this.throttles = throttles;
        this.taken = new long[throttles.size()];
    }

    synchronized boolean mayTake(int index, long now) {
        if (throttles.size() == 1) return true;
        double mine = (double) taken[index] / throttles.get(index).lane().weight();
        for (int i = 0; i < throttles.size(); i++) {
            if (i == index) continue;
            AccountThrottle other = throttles.get(i);
            if (!other.available(now)) continue;
            double theirs = (double) taken[i] / other.lane().weight();
            // One message of slack per connection, so parallel connections of one account are not serialised.
            if (mine > theirs + other.lane().connections() + throttles.get(index).lane().connections()) return false;
        }
        return true;
    }

    synchronized void took(int index) { taken[index]++; }
}

package org.broadside.unsubscribe;

/**
 * What one pull did.
 *
 * @param fetched      events the server sent
 * @param recorded     unsubscribes recorded here (by the bounce rules) for the first time
 * @param undone       unsubscribes taken back here
 * @param acknowledged events the server marked as applied
 */
public record PullResult(int fetched, int recorded, int undone, int acknowledged) {
    PullResult plus(PullResult o) {
        return new PullResult(fetched + o.fetched, recorded + o.recorded, undone + o.undone, acknowledged + o.acknowledged);
    }

    /** "3 events: 2 unsubscribes recorded, 1 undone, 3 acknowledged" */
    public String describe() {
        if (fetched == 0 && acknowledged == 0) return "nothing new";
        return fetched + " new event" + (fetched == 1 ? "" : "s") + ": " + recorded + " unsubscribe" + (recorded == 1 ? "" : "s")
                + " recorded, " + undone + " undone, " + acknowledged + " acknowledged";
    }
}

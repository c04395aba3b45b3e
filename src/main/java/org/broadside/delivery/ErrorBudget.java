package org.broadside.delivery;

/**
 * Watches the recent attempts of a run; when too many were refused or deferred, the run pauses itself
 * rather than burn the sender's reputation (listmonk's error budget).
 */
final class ErrorBudget {
    private final boolean[] window;
    private final int percent;
    private int next;
    private int filled;
    private int bad;

    ErrorBudget(int windowSize, int percent) {
        this.window = new boolean[Math.max(10, windowSize)];
        this.percent = percent;
    }

    /** Records one attempt; returns true when the budget is now exceeded. */
    synchronized boolean record(boolean failed) {
        if (filled == window.length && window[next]) bad--;
        window[next] = failed;
        if (failed) bad++;
        next = (next + 1) % window.length;
        if (filled < window.length) filled++;
        // Judge only a full window, so three early failures of a small test do not stop a campaign.
        return percent < 100 && filled == window.length && bad * 100 > percent * filled;
    }

    synchronized String describe() {
        return bad + " of the last " + filled + " attempts were refused or deferred (error budget " + percent + "%)";
    }
}

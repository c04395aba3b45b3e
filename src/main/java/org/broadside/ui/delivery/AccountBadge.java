package org.broadside.ui.delivery;

/**
 * One account of the run as a small badge in the Delivery panel: OK, or its problem in a few words.
 *
 * @param problem a short cause such as "cannot connect", or null when the account works
 */
public record AccountBadge(String account, String problem, boolean serious) {
    static AccountBadge ok(String account) { return new AccountBadge(account, null, false); }

    public boolean ok() { return problem == null; }

    /** The badge's words, e.g. "Work: OK" or "Work: cannot connect". */
    public String text() { return account + ": " + (problem == null ? "OK" : problem); }
}

package org.broadside.report;

/**
 * The outcome for one recipient domain ("gmail.com"), or for all the smaller domains together ({@code others} true,
 * {@code domainCount} of them), so the top of the list stays readable with a hundred thousand domains.
 */
public record DomainRow(String domain, StateCounts counts, boolean others, int domainCount) {
    /** The domain as a report prints it. */
    public String label() {
        return others ? domainCount + " other domain" + (domainCount == 1 ? "" : "s") : domain;
    }
}

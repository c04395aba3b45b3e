package org.broadside.report;

import org.broadside.delivery.SentBy;

/**
 * How many of the campaign's recipients one process recorded (issue 15: several machines send one campaign together).
 * {@code sentBy} is null for runs that did not record their process (started before Broadside recorded it).
 */
public record SenderRow(SentBy sentBy, long recipients) {
    /** "office-pc (process 4242)". */
    public String label() { return sentBy == null ? "process not recorded" : sentBy.label(); }
}

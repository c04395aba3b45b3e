package org.broadside.report;

/** What one sending account did for the campaign; {@code account} is null for recipients no account has tried. */
public record AccountRow(String account, StateCounts counts) {
    /** The account's name as a report prints it. */
    public String label() { return account == null || account.isBlank() ? "(not tried yet)" : account; }
}

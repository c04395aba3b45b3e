package org.broadside.bounces;

/**
 * Outcomes of scheduled scans. Called on the scan thread: return quickly, never throw, and hop to the UI thread
 * yourself before touching the UI.
 */
public interface ScanListener {
    default void scanned(ScanReport report) {}

    /** One sentence for the user; the schedule keeps running. */
    default void failed(String mailbox, String message) {}
}

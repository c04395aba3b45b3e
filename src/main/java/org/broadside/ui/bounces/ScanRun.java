package org.broadside.ui.bounces;

import org.broadside.bounces.AfterScan;
import org.broadside.bounces.ScanProgress;
import org.broadside.bounces.ScanReport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One "Scan now" of every mailbox, as the scan thread reports it: a line per mailbox and the share done. Written on
 * the scan thread, read by the view model's tick on the UI thread (so a mailbox of thousands of messages costs one
 * UI update per tick, not one per message).
 */
final class ScanRun {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<String> lines = new ArrayList<>();
    private final int mailboxes;
    private int version;
    private double done;

    ScanRun(int mailboxes) {
        this.mailboxes = mailboxes;
    }

    void cancel() { cancelled.set(true); }

    boolean cancelled() { return cancelled.get(); }

    /** Progress for the mailbox at {@code index} (its line is replaced at each message). */
    ScanProgress progressOf(int index, String mailbox) {
        return new ScanProgress() {
            @Override
            public void read(int read, int total, int recognised) {
                set(index, mailbox + ": read " + read + " of " + total + " message" + (total == 1 ? "" : "s") + ", " + recognised + " recognised…",
                        (index + (double) read / Math.max(1, total)) / mailboxes);
            }

            @Override
            public boolean cancelled() { return cancelled.get(); }
        };
    }

    void started(int index, String mailbox) { set(index, mailbox + ": connecting…", (double) index / mailboxes); }

    void finished(int index, ScanReport r) {
        String disposal = r.afterScan() == AfterScan.MOVE ? r.disposed() + " moved to the processed folder"
                : r.afterScan() == AfterScan.DELETE ? r.disposed() + " deleted from the server" : "kept in the mailbox";
        int n = r.lines().size();
        set(index, "✔ " + r.mailbox() + ": " + n + " message" + (n == 1 ? "" : "s") + ", " + r.recognised() + " recognised ("
                + disposal + "), " + r.leftAlone() + " other" + (r.leftAlone() == 1 ? "" : "s") + " left alone.", (index + 1.0) / mailboxes);
    }

    void failed(int index, String mailbox, String why) { set(index, "✘ " + mailbox + ": " + why, (index + 1.0) / mailboxes); }

    private synchronized void set(int index, String line, double share) {
        while (lines.size() <= index) lines.add("");
        lines.set(index, line);
        done = share;
        version++;
    }

    synchronized int version() { return version; }

    synchronized List<String> lines() { return List.copyOf(lines); }

    synchronized double done() { return done; }
}

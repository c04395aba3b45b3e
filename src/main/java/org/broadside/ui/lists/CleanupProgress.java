package org.broadside.ui.lists;

import org.broadside.contacts.ListTaskMonitor;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Between the list manager and a running de-duplication or validation: the work writes how far it got and reads
 * the Cancel, the FX thread (on its ticker) does the opposite.
 */
final class CleanupProgress implements ListTaskMonitor {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** One immutable value, so the UI never pairs the count of one phase with the total of another. */
    private volatile Step step;

    private record Step(String unit, long done, long total) {}

    void cancel() { cancelled.set(true); }

    @Override
    public boolean cancelRequested() { return cancelled.get(); }

    @Override
    public void progress(String unit, long done, long total) {
        step = new Step(unit, done, total);
    }

    /** From 0 to 1, or -1 (indeterminate) before the work has said how much there is. */
    double fraction() {
        Step s = step;
        return s == null || s.total() <= 0 ? -1 : Math.min(1, (double) s.done() / s.total());
    }

    /** "12,000 of 60,000 contacts checked", or empty before the first batch. */
    String describe() {
        Step s = step;
        if (s == null) return "";
        // A source being read does not say how many rows it has: then the count alone.
        return s.total() <= 0 ? String.format("%,d %s", s.done(), s.unit()) : String.format("%,d of %,d %s", s.done(), s.total(), s.unit());
    }
}

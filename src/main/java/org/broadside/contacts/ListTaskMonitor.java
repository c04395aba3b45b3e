package org.broadside.contacts;

/**
 * What a long list operation (validation, de-duplication) running in the background shares with whoever started it:
 * it asks between batches whether to stop and says how far it got. Both calls come from the operation's thread.
 */
@FunctionalInterface
public interface ListTaskMonitor {
    /** Nobody can stop the operation and nobody watches it (the command line). */
    ListTaskMonitor NONE = () -> false;

    /** Asked between batches: true stops the operation there; what the finished batches did stays done. */
    boolean cancelRequested();

    /** {@code done} of {@code total} units of the current phase ("contacts", "domains"...) are finished. */
    default void progress(String unit, long done, long total) {}
}

package org.broadside.bounces;

/**
 * Follows one scan while it reads the mailbox, and may stop it. Called on the scan thread: return quickly, never
 * throw. A scan stopped while reading records nothing and leaves the mailbox as it was.
 */
public interface ScanProgress {
    ScanProgress NONE = new ScanProgress() { };

    /** After each message: {@code read} of {@code total} read so far, {@code recognised} of them bounces, complaints, unsubscribes or auto-replies. */
    default void read(int read, int total, int recognised) {}

    /** Asked before each message; true stops the scan with {@link ScanCancelledException}. */
    default boolean cancelled() { return false; }
}

package org.broadside.ui.common;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The last resort for an error nobody caught: it is logged with its stack trace and shown in a window with the
 * details to copy, instead of vanishing into the console while the user wonders why nothing happened (a campaign
 * file that failed to open used to do exactly that).
 */
public final class UnexpectedErrors {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);
    /** One window at a time: an error repeated on every pulse must not bury the screen in windows. */
    private static final AtomicBoolean SHOWING = new AtomicBoolean();

    /** The last few errors, as one line each (type and message, no stack): for Help > Copy diagnostics. */
    private static final java.util.Deque<String> RECENT = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final int KEPT = 10;

    private UnexpectedErrors() {}

    /** The recent unexpected errors, oldest first. */
    public static java.util.List<String> recent() { return java.util.List.copyOf(RECENT); }

    /** Installs the handler for every thread of the app. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Unexpected error on thread {}", thread.getName(), error);
            RECENT.addLast(java.time.Instant.now() + " " + error.getClass().getName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()));
            while (RECENT.size() > KEPT) RECENT.pollFirst();
            // Later even on the FX thread: a nested event loop (showAndWait) is refused during layout and animation.
            try {
                Platform.runLater(() -> show(error));
            } catch (IllegalStateException toolkitGone) {
                // Before JavaFX started or after it ended there is no window to show; the log has the error.
            }
        });
    }

    private static void show(Throwable error) {
        if (!SHOWING.compareAndSet(false, true)) return;
        try {
            ErrorDialog.create("Something went wrong: " + error.getClass().getSimpleName()
                            + (error.getMessage() == null ? "" : ": " + error.getMessage()),
                    "Broadside ran into an error it did not expect, so the last action may not have finished. "
                            + "Your data is safe: recipients, lists and campaigns are stored as they were. "
                            + "If it happens again, please send the details below with your report.", error)
                    .showAndWait();
        } finally {
            SHOWING.set(false);
        }
    }
}

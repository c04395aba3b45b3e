package org.broadside.ui.common;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The last resort for an error nobody caught: it is logged with its stack trace and shown in a window with the
 * details to copy, instead of vanishing into the console while the user wonders why nothing happened (a campaign
 * file that failed to open used to do exactly that).
 */
public final class UnexpectedErrors {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);
    private static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);
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
            if (Platform.isFxApplicationThread()) show(error);
            else Platform.runLater(() -> show(error));
        });
    }

    static String details(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static void show(Throwable error) {
        if (!SHOWING.compareAndSet(false, true)) return;
        try {
            Alert a = new Alert(Alert.AlertType.ERROR,
                    "Broadside ran into an error it did not expect, so the last action may not have finished. "
                            + "Your data is safe: recipients, lists and campaigns are stored as they were. "
                            + "If it happens again, please send the details below with your report.",
                    COPY, ButtonType.CLOSE);
            a.setHeaderText("Something went wrong: " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()));
            TextArea text = new TextArea(details(error));
            text.setEditable(false);
            text.setPrefRowCount(14);
            a.getDialogPane().setExpandableContent(text);
            a.getDialogPane().lookupButton(COPY).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(details(error));
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
                e.consume();
            });
            a.showAndWait();
        } finally {
            SHOWING.set(false);
        }
    }
}

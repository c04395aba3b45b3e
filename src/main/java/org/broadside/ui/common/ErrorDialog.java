package org.broadside.ui.common;

import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.broadside.diagnostics.ErrorDetails;
import org.broadside.diagnostics.LogFile;

/**
 * The window for an error the user cannot fix by rewording their input: a sentence for the user, and under "Show
 * details" the exception's type, message, causes and stack trace, with "Copy details" to paste them into a bug report.
 * The details come from the exception alone (ErrorDetails), so no password or message body is copied.
 */
public final class ErrorDialog {
    /** Copies without closing the window: the user may want to read the details after copying them. */
    public static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);

    private ErrorDialog() {}

    /** The window, not yet shown. */
    public static Alert create(String header, String sentence, Throwable error) {
        String where = LogFile.current().map(p -> " The details are also in the log file " + p + ".").orElse("");
        Alert a = new Alert(Alert.AlertType.ERROR, sentence + where, COPY, ButtonType.CLOSE);
        a.setTitle(header + " — Broadside");
        a.setHeaderText(header);
        String details = ErrorDetails.of(error);
        TextArea text = new TextArea(details);
        text.setId("errorDetails");
        text.setEditable(false);
        text.setPrefRowCount(14);
        a.getDialogPane().setExpandableContent(text);
        a.getDialogPane().lookupButton(COPY).addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(details);
            Clipboard.getSystemClipboard().setContent(c);
            e.consume();
        });
        return a;
    }
}

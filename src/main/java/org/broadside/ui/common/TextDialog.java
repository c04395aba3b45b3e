package org.broadside.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;

/**
 * An information window around a block of text the user may want to read at length or copy (shortcuts, About,
 * diagnostics). It keeps its own size: some window managers map a dialog sized by its owner at a sliver's height.
 */
public final class TextDialog {
    private TextDialog() {}

    /** Shows it without waiting. monospace for tables that line up in columns. */
    public static Alert show(String header, String text, boolean monospace) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(!monospace);
        if (monospace) area.setStyle("-fx-font-family: monospace");
        area.setPrefSize(640, 400);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(header + " — Broadside");
        a.setHeaderText(header);
        a.getDialogPane().setContent(area);
        a.getDialogPane().setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        a.show();
        return a;
    }
}

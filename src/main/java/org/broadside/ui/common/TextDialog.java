package org.broadside.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

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
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(header + " — Broadside");
        a.setHeaderText(header);
        a.getDialogPane().setContent(area);
        // A table is sized to its lines in the font the theme gives it (its size and face are known once styled);
        // wrapped prose keeps a reading width.
        area.applyCss();
        Font font = area.getFont();
        area.setPrefSize(monospace ? widthFor(text, font) : 640, monospace ? heightFor(text, font) : 400);
        a.getDialogPane().setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        a.show();
        return a;
    }

    private static final double MAX_WIDTH = 980;
    private static final int MAX_LINES = 26;
    /** A text area's own room around its text: the content's padding, the scroll pane's insets and a scroll bar. */
    private static final double AROUND_TEXT = 100;
    private static final double ABOVE_AND_BELOW_TEXT = 80;

    /** Wide enough for the longest line of a table (the shortcuts' went past 640 px into a sideways scroll bar). */
    static double widthFor(String text, Font font) {
        String longest = text.lines().max(java.util.Comparator.comparingInt(String::length)).orElse("");
        Text probe = new Text(longest);
        probe.setFont(font);
        return Math.min(MAX_WIDTH, Math.max(640, Math.ceil(probe.getLayoutBounds().getWidth()) + AROUND_TEXT));
    }

    /** Tall enough for a table's lines, up to {@value #MAX_LINES} lines (the dialog then still fits an 800 px screen). */
    static double heightFor(String text, Font font) {
        long lines = Math.max(1, text.lines().count());
        Text probe = new Text("X\n".repeat((int) Math.min(MAX_LINES, lines)).strip());
        probe.setFont(font);
        return Math.max(200, Math.ceil(probe.getLayoutBounds().getHeight()) + ABOVE_AND_BELOW_TEXT);
    }
}

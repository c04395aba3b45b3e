package org.broadside.ui.common;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** List cells for sentences (findings, advice): each wraps at the list's width instead of running off its right edge. */
public final class WrappedCells {
    /** The list's own insets and its vertical scroll bar, which the text must not run under. */
    private static final double SCROLL_BAR_AND_INSETS = 30;

    private WrappedCells() {}

    /** Makes a cell of one's own (with an icon, say) wrap at its list's width. */
    public static void wrapAtWidthOf(ListCell<?> cell, ListView<?> list) {
        cell.setWrapText(true);
        cell.prefWidthProperty().bind(list.widthProperty().subtract(SCROLL_BAR_AND_INSETS));
        cell.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    public static void wrap(ListView<String> list) {
        // Cells that size to their text (the theme gives every cell one height, too short for a wrapped sentence).
        list.getStyleClass().add("line-list");
        list.setCellFactory(l -> new ListCell<>() {
            {
                wrapAtWidthOf(this, l);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
    }
}

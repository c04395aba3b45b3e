package org.broadside.ui.common;

import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/** Pieces the forms (account manager, import wizard) share. */
public final class FormFields {
    private FormFields() {}

    /** A text field of about {@code columns} characters, bound both ways to {@code p}, that does not stretch. */
    public static TextField boundField(String id, StringProperty p, int columns) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(columns);
        t.textProperty().bindBidirectional(p);
        t.setMaxWidth(Region.USE_PREF_SIZE);
        // A short field holds a number: squeezed by a long label beside it, it showed nothing at all.
        if (columns <= 6) t.setMinWidth(Region.USE_PREF_SIZE);
        return t;
    }

    /**
     * A line of a form: fields with the words around them ("from [09:00] to [17:00]"), the words centred on the
     * fields' line (an HBox puts them at the top, a few pixels above the fields' text).
     */
    public static javafx.scene.layout.HBox row(double spacing, Node... nodes) {
        javafx.scene.layout.HBox h = new javafx.scene.layout.HBox(spacing, nodes);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }

    /** A problem in words, in red, wrapped at the form's width; it takes no room while there is none to tell. */
    public static javafx.scene.control.Label problemLabel(String id, javafx.beans.value.ObservableStringValue text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("danger");
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** A paragraph of explanation: wraps at the form's width and never gives up its height to the fields around it. */
    public static javafx.scene.control.Label wrappedLabel(String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * The dialog opens with the keys going to this field. Without it the focus fell on a button, and a user who opened
     * the dialog and typed lost what was typed (OK then sent an empty answer).
     */
    public static void focusWhenShown(javafx.scene.control.Dialog<?> dialog, Node first) {
        dialog.setOnShown(e -> javafx.application.Platform.runLater(first::requestFocus));
    }

    /**
     * A dialog's buttons show their whole labels. The button bar gives every button the width of the widest, and three
     * of them did not fit the window ("Cancel the schedule" read "Cancel the sc…"): each takes its own width instead.
     */
    public static void keepButtonLabels(javafx.scene.control.DialogPane pane) {
        for (javafx.scene.control.ButtonType t : pane.getButtonTypes()) {
            Node b = pane.lookupButton(t);
            javafx.scene.control.ButtonBar.setButtonUniformSize(b, false);
            if (b instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** A form set as a dialog's content: a dialog pane pads only its own text, and the form sat against the edge. */
    public static <T extends Region> T asDialogContent(T form) {
        form.setPadding(new javafx.geometry.Insets(12, 12, 0, 12));
        return form;
    }

    /**
     * Labels, buttons and check boxes in a form keep their full text ("Cho…" and "Test c…" tell nothing); the fields
     * give way instead. Text that wraps is left alone: it gets shorter by growing taller.
     */
    public static void keepLabels(Parent form) {
        for (Node n : form.getChildrenUnmodifiable()) {
            if (n instanceof Labeled l && !l.isWrapText()) l.setMinWidth(Region.USE_PREF_SIZE);
            if (n instanceof Parent p) keepLabels(p);
        }
    }
}

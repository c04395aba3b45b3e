package org.broadside.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Optional;

/** Asks what to do with unsaved edits before a window closes. */
final class UnsavedChanges {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Don't save", ButtonBar.ButtonData.NO);

    private UnsavedChanges() {}

    /** Save, Don't save, or Cancel (empty when the user closed the dialog). */
    static Optional<ButtonType> ask(Window owner, String name) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to \"" + name + "\"?");
        a.setContentText("Your changes are lost if you don't save them.");
        a.getButtonTypes().setAll(SAVE, DISCARD, ButtonType.CANCEL);
        return a.showAndWait();
    }
}

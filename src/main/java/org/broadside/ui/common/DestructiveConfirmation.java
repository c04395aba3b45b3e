package org.broadside.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The question before an action that deletes what cannot be had back (contacts, a list, a mailbox, received mail). The
 * action is named on its button ("Delete list", not OK), and Cancel is the default: Enter after Delete, or a hurried
 * key, keeps everything.
 */
public final class DestructiveConfirmation {
    private DestructiveConfirmation() {}

    /** Asks; true when the user chose the action. */
    public static boolean ask(Window owner, String question, String details, String action) {
        Alert a = dialog(question, details, action);
        if (owner != null) a.initOwner(owner);
        return a.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    static Alert dialog(String question, String details, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, details, ButtonType.CANCEL, act);
        a.setHeaderText(question);
        Button actButton = (Button) a.getDialogPane().lookupButton(act);
        Button cancel = (Button) a.getDialogPane().lookupButton(ButtonType.CANCEL);
        actButton.setDefaultButton(false);
        cancel.setDefaultButton(true);
        FormFields.keepButtonLabels(a.getDialogPane());
        FormFields.focusWhenShown(a, cancel);
        return a;
    }
}

package org.broadside.ui.message;

import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;

import java.util.Optional;

/** Asks for a link's address: a web address, a mailto: address, or a merge field such as [Unsubscribe]. */
final class LinkDialog {
    private LinkDialog() {}

    static Optional<String> ask(javafx.stage.Window owner) {
        TextInputDialog d = new TextInputDialog("https://");
        d.initOwner(owner);
        d.setTitle("Insert link");
        d.setHeaderText("Link the selected text to an address");
        d.setContentText("Address (https://…, mailto:…, or a field such as [Unsubscribe]):");
        d.getEditor().setId("linkAddress");
        d.getEditor().setPrefColumnCount(32);
        // An address that is still the bare "https://" prompt is no address.
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(d.getEditor().textProperty()
                .map(t -> t.isBlank() || t.strip().equals("https://")));
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }
}

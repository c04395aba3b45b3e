package org.broadside.ui.lists;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.broadside.contacts.Contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Edits one contact: its address and a text field per list field. */
final class ContactDialog extends Dialog<Contact> {
    ContactDialog(Contact existing, List<String> fields) {
        setTitle(existing == null ? "New contact" : "Edit contact");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        TextField email = new TextField(existing == null ? "" : existing.email());
        email.setId("contactEmail");
        email.setPrefColumnCount(28);
        g.addRow(0, new Label("Email"), email);
        Map<String, TextField> inputs = new LinkedHashMap<>();
        int row = 1;
        for (String f : fields) {
            TextField t = new TextField(existing == null ? "" : existing.fields().getOrDefault(f, ""));
            inputs.put(f, t);
            g.addRow(row++, new Label(f), t);
        }
        getDialogPane().setContent(org.broadside.ui.common.FormFields.asDialogContent(g));
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        org.broadside.ui.common.FormFields.focusWhenShown(this, email);
        Label problem = new Label();
        problem.setId("contactEmailProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setMaxWidth(360);
        // Said once the user has typed something: an empty form does not open with an error.
        problem.textProperty().bind(email.textProperty().map(t -> t.isBlank() ? "" : java.util.Objects.requireNonNullElse(ListManagerViewModel.addressProblem(t), "")));
        g.add(problem, 1, row);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(email.textProperty().map(t -> ListManagerViewModel.addressProblem(t) != null));
        setResultConverter(b -> {
            if (b != ButtonType.OK) return null;
            Map<String, String> values = new LinkedHashMap<>(existing == null ? Map.of() : existing.fields());
            inputs.forEach((k, t) -> values.put(k, t.getText()));
            return new Contact(existing == null ? 0 : existing.id(), email.getText().strip(), values);
        });
    }
}

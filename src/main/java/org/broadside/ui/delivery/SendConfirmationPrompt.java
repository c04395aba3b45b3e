package org.broadside.ui.delivery;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.broadside.ui.common.FormFields;

/** Asks before a large first send: the view model decides when; this shows the question and passes the answer back. */
final class SendConfirmationPrompt {
    static final ButtonType SEND = new ButtonType("Send", ButtonBar.ButtonData.OK_DONE);

    private SendConfirmationPrompt() {}

    static void attach(Node owner, DeliveryViewModel vm) {
        vm.confirmationProperty().addListener((o, was, plan) -> {
            if (plan != null) ask(owner, vm, plan);
        });
    }

    private static void ask(Node owner, DeliveryViewModel vm, SendPlan.FirstSend plan) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, SEND, ButtonType.CANCEL);
        alert.setTitle("Send the campaign");
        alert.setHeaderText(String.format("Send to %,d recipients?", plan.recipients()));
        Label question = new Label(plan.question());
        question.setId("confirmQuestion");
        question.setWrapText(true);
        Spinner<Integer> above = new Spinner<>(0, 10_000_000, vm.thresholdProperty().get(), 100);
        above.setId("confirmThreshold");
        above.setEditable(true);
        HBox setting = FormFields.row(8, new Label("Ask before a first send to more than"), above, new Label("recipients"));
        alert.getDialogPane().setContent(new VBox(12, question, setting));
        if (owner.getScene() != null && owner.getScene().getWindow() != null) alert.initOwner(owner.getScene().getWindow());
        alert.setOnHidden(e -> {
            if (alert.getResult() == SEND) {
                if (above.getValue() != null && above.getValue() != vm.thresholdProperty().get()) vm.setThreshold(above.getValue());
                vm.confirmSend();
            } else {
                vm.cancelSend();
            }
        });
        alert.show();
    }
}

package org.broadside.ui.message;

import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.List;

/** Asks for field, operator, value and both texts, and answers with the {@code <IF>} statement. */
final class ConditionDialog extends Dialog<String> {
    ConditionDialog(List<String> fields) {
        setTitle("Insert condition");
        setHeaderText("Show a text only to some recipients");
        ComboBox<String> field = new ComboBox<>();
        field.setId("conditionField");
        field.getItems().setAll(fields);
        field.setEditable(true);
        if (!fields.isEmpty()) field.getSelectionModel().select(0);
        ComboBox<ConditionBuilder.Op> op = new ComboBox<>();
        op.setId("conditionOperator");
        op.getItems().setAll(ConditionBuilder.operators());
        op.getSelectionModel().select(0);
        TextField value = new TextField();
        value.setId("conditionValue");
        TextArea then = new TextArea();
        then.setId("conditionThen");
        then.setPrefRowCount(3);
        TextArea otherwise = new TextArea();
        otherwise.setId("conditionElse");
        otherwise.setPrefRowCount(3);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("When the field"), field);
        g.addRow(1, new Label("Operator"), op);
        g.addRow(2, new Label("Value"), value);
        g.addRow(3, new Label("Show"), then);
        g.addRow(4, new Label("Otherwise show"), otherwise);
        org.broadside.ui.common.FormFields.keepLabels(g);
        getDialogPane().setContent(org.broadside.ui.common.FormFields.asDialogContent(g));
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        org.broadside.ui.common.FormFields.focusWhenShown(this, field);
        setResultConverter(b -> b == ButtonType.OK && field.getEditor().getText() != null && !field.getEditor().getText().isBlank()
                ? ConditionBuilder.build(field.getEditor().getText().strip(), op.getValue(), value.getText(), then.getText(), otherwise.getText())
                : null);
    }
}

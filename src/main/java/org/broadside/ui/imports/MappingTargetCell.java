package org.broadside.ui.imports;

import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;

/**
 * The "Goes to field" cell: an always-open editable choice of the field a column fills. What is typed is the mapping
 * at once, not only after Enter: a table cell's editor drops its text when focus moves, which is how a mapping typed
 * as "First Name" and followed by a click on Import was imported under the column's own name.
 */
final class MappingTargetCell extends TableCell<MappingRow, String> {
    private final ComboBox<String> combo = new ComboBox<>();
    private MappingRow bound;

    MappingTargetCell(ObservableList<String> choices) {
        combo.setEditable(true);
        combo.setItems(choices);
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setPromptText("(left out)");
        combo.getEditor().textProperty().addListener((o, a, typed) -> {
            if (bound != null) bound.targetProperty().set(typed == null ? "" : typed);
        });
        combo.valueProperty().addListener((o, a, chosen) -> {
            if (bound != null && chosen != null) bound.targetProperty().set(chosen);
        });
        setText(null);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        MappingRow row = empty || getIndex() < 0 || getIndex() >= getTableView().getItems().size()
                ? null : getTableView().getItems().get(getIndex());
        if (row == null) {
            bound = null;
            setGraphic(null);
            return;
        }
        String target = item == null ? "" : item;
        if (row != bound || !target.equals(combo.getEditor().getText())) {
            bound = null; // showing the row's value must not write it back
            combo.setValue(target);
            combo.getEditor().setText(target);
        }
        bound = row;
        setGraphic(combo);
    }
}

package org.broadside.ui.imports;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
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
    /**
     * The box has its own copy of the choices, replaced here: a combo box whose items are replaced clears its value
     * and sets it again, and its editor follows, which wrote an empty target into the row. The choices change when the
     * list's fields do (another list chosen, an import that added fields): the mapping was emptied after an import
     * ("(left out)" everywhere, and a second Import asked for the e-mail column).
     */
    private final ListChangeListener<String> choicesChanged;

    MappingTargetCell(ObservableList<String> choices) {
        combo.setEditable(true);
        combo.getItems().setAll(choices);
        choicesChanged = c -> {
            MappingRow row = bound;
            bound = null;
            combo.getItems().setAll(choices);
            if (row != null) show(row.targetProperty().get());
            bound = row;
        };
        choices.addListener(new WeakListChangeListener<>(choicesChanged));
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
            show(target);
        }
        bound = row;
        setGraphic(combo);
    }

    private void show(String target) {
        combo.setValue(target);
        combo.getEditor().setText(target);
    }
}

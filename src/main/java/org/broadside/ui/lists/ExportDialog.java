package org.broadside.ui.lists;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.broadside.contacts.ContactExport;

import java.util.ArrayList;
import java.util.List;

/** Asks what to export: the format, the fields (all ticked, in the list's order) and whether only the contacts shown. */
final class ExportDialog extends Dialog<ExportDialog.Choice> {
    /** The user's answer. */
    record Choice(ContactExport.Format format, List<String> fields, boolean onlyShown) {}

    /** @param selection how the shown contacts are chosen ("match \"x\" and pass the filter"), "" when all are shown */
    ExportDialog(String listName, List<String> listFields, String selection, String shownCount) {
        setTitle("Export contacts");
        setHeaderText("Export the list \"" + listName + "\"");
        RadioButton csv = new RadioButton("CSV (any program; UTF-8)");
        csv.setId("exportCsv");
        RadioButton xlsx = new RadioButton("Excel workbook (.xlsx)");
        xlsx.setId("exportXlsx");
        ToggleGroup format = new ToggleGroup();
        csv.setToggleGroup(format);
        xlsx.setToggleGroup(format);
        csv.setSelected(true);

        List<CheckBox> boxes = new ArrayList<>();
        List<String> all = new ArrayList<>();
        all.add("Email");
        all.addAll(listFields);
        VBox fieldBoxes = new VBox(4);
        for (String f : all) {
            CheckBox b = new CheckBox(f);
            b.setSelected(true);
            b.setId("exportField-" + f.replaceAll("\\W", "_"));
            boxes.add(b);
            fieldBoxes.getChildren().add(b);
        }
        ScrollPane fieldsScroll = new ScrollPane(fieldBoxes);
        // Its own height even in a short dialog: squeezed, the list would show two fields and a scroll bar.
        fieldsScroll.setPrefViewportHeight(Math.min(220, 26 * all.size()));
        fieldsScroll.setMinViewportHeight(Math.min(220, 26 * all.size()));
        fieldsScroll.setFitToWidth(true);

        CheckBox onlyShown = new CheckBox(selection.isBlank() ? "Only the contacts the search and filter show"
                : "Only the " + shownCount + " contacts that " + selection);
        onlyShown.setId("exportOnlyShown");
        onlyShown.setSelected(!selection.isBlank());
        onlyShown.setDisable(selection.isBlank());

        Label fieldsLabel = new Label("Fields, in this order:");
        VBox content = new VBox(10, new Label("Format:"), new HBox(16, csv, xlsx), fieldsLabel, fieldsScroll, onlyShown);
        content.setPadding(new Insets(6, 4, 0, 4));
        content.setPrefWidth(440);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ((javafx.scene.control.Button) getDialogPane().lookupButton(ButtonType.OK)).setText("Export…");
        // Nothing ticked would be an empty file: the button waits for at least one field.
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> boxes.stream().noneMatch(CheckBox::isSelected), boxes.stream().map(CheckBox::selectedProperty).toArray(javafx.beans.Observable[]::new)));
        setResultConverter(b -> b != ButtonType.OK ? null : new Choice(xlsx.isSelected() ? ContactExport.Format.XLSX : ContactExport.Format.CSV,
                boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList(), onlyShown.isSelected()));
    }
}

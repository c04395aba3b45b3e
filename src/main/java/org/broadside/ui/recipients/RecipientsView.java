package org.broadside.ui.recipients;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.broadside.ui.common.Lifecycle;

/** The Recipients tab: list chooser, filter in the merge language, and the reach of the campaign. */
public final class RecipientsView extends VBox {
    public RecipientsView(RecipientsViewModel vm, Runnable openListManager) {
        super(12);
        setPadding(new Insets(16));
        ComboBox<String> list = new ComboBox<>(vm.listNames());
        list.setId("recipientList");
        list.setPrefWidth(320);
        list.valueProperty().bindBidirectional(vm.listProperty());
        TextField filter = new TextField();
        filter.setId("recipientFilter");
        filter.setPromptText("[[Country]] = \"FR\" <AND> [[Age]] >= 18   (empty: everyone)");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Button manage = new Button("Open list manager…");
        manage.setOnAction(e -> openListManager.run());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("List"), list, manage);
        g.addRow(1, new Label("Filter"), filter);
        // A segment's filter is often longer than the list's name: the field takes the window's width, not the
        // list chooser's and button's (it scrolled after 60 characters on a 1280-pixel screen).
        var grow = new javafx.scene.layout.ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(new javafx.scene.layout.ColumnConstraints(), new javafx.scene.layout.ColumnConstraints(),
                new javafx.scene.layout.ColumnConstraints(), grow);
        GridPane.setColumnSpan(filter, 3);
        GridPane.setHgrow(filter, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("recipientSummary");
        summary.getStyleClass().add("title-4");
        summary.textProperty().bind(vm.summaryProperty());
        Label skipped = new Label();
        skipped.setId("recipientSkipped");
        skipped.textProperty().bind(vm.skippedProperty());
        Label filterProblem = new Label();
        filterProblem.setId("recipientFilterProblem");
        filterProblem.getStyleClass().add("warning");
        filterProblem.setWrapText(true);
        filterProblem.textProperty().bind(vm.filterProblemProperty());
        // No empty line where there is nothing to say.
        filterProblem.managedProperty().bind(filterProblem.textProperty().isNotEmpty());
        filterProblem.visibleProperty().bind(filterProblem.textProperty().isNotEmpty());
        Label help = new Label("Conditions use the merge language: = <> * (contains) !* #? (starts with) ?# (ends with) > < >= <=, joined by <AND> and <OR>. Text in quotes, numbers bare or quoted. The list manager's Filter box shows the contacts a filter selects.");
        help.getStyleClass().add("text-muted");
        help.setWrapText(true);
        org.broadside.ui.common.FormFields.keepLabels(g); // "Open list manager…" was cut to "Ope…" on a laptop
        getChildren().addAll(g, summary, filterProblem, skipped, help);
        Lifecycle.whileShowing(this, vm::activate, vm::deactivate);
    }
}

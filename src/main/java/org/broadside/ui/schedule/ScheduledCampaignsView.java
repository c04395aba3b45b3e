package org.broadside.ui.schedule;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleWords;
import org.broadside.ui.common.Lifecycle;

import java.util.List;
import java.util.function.Function;

/** The Scheduled campaigns window: a table of every schedule, and what can be done with one. */
public final class ScheduledCampaignsView extends BorderPane {
    public ScheduledCampaignsView(ScheduledCampaignsViewModel vm) {
        TableView<Schedule> table = new TableView<>(vm.items());
        table.setId("schedulesTable");
        // With nothing to list, the window's status (how to schedule one, or why the list could not be read) stands in
        // the table's place; the status bar under it said the same sentence again.
        Label empty = new Label();
        empty.setId("schedulesEmpty");
        empty.setWrapText(true);
        empty.textProperty().bind(vm.statusProperty());
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Campaign", 170, Schedule::campaignName),
                column("Next start", 380, vm::nextStart),
                column("Sending window", 150, s -> ScheduleWords.window(s.window())),
                column("State", 90, s -> ScheduleWords.state(s.state())),
                column("Last run", 300, s -> s.lastResult() == null ? "" : s.lastResult())));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) vm.open(table.getSelectionModel().getSelectedItem());
        });
        Button open = new Button("Open campaign");
        open.setOnAction(e -> vm.open(table.getSelectionModel().getSelectedItem()));
        Button runNow = new Button("Run now");
        runNow.setId("schedulesRunNow");
        runNow.setOnAction(e -> vm.runNow(table.getSelectionModel().getSelectedItem()));
        Button cancel = new Button("Cancel schedule");
        cancel.setId("schedulesCancel");
        cancel.setOnAction(e -> vm.cancel(table.getSelectionModel().getSelectedItem()));
        for (Button b : List.of(open, runNow, cancel)) b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        setTop(new ToolBar(open, runNow, cancel));
        setCenter(table);
        Label status = new Label();
        status.setId("schedulesStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        bar.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.items()));
        bar.managedProperty().bind(bar.visibleProperty());
        setBottom(bar);
        Lifecycle.whileShowing(this, vm::activate, vm::deactivate);
    }

    private static TableColumn<Schedule, String> column(String title, double width, Function<Schedule, String> value) {
        TableColumn<Schedule, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}

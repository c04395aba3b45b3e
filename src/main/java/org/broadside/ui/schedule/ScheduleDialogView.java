package org.broadside.ui.schedule;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import org.broadside.ui.common.FormFields;

/** The Schedule window of a campaign: start date, time and zone, the optional daily window, and what it means. */
public final class ScheduleDialogView extends VBox {
    public ScheduleDialogView(ScheduleDialogViewModel vm, Runnable close) {
        super(12);
        setPadding(new Insets(16));
        Label title = new Label("Start sending this campaign at a set time");
        title.getStyleClass().add("title-4");

        DatePicker date = new DatePicker();
        date.setId("scheduleDate");
        date.valueProperty().bindBidirectional(vm.dateProperty());
        TextField time = new TextField();
        time.setId("scheduleTime");
        time.setPrefColumnCount(5);
        time.setPromptText("09:00");
        time.textProperty().bindBidirectional(vm.timeProperty());
        ComboBox<String> zone = new ComboBox<>();
        zone.setId("scheduleZone");
        zone.setEditable(true);
        zone.getItems().setAll(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc")).sorted().toList());
        zone.setPrefWidth(220);
        zone.getEditor().textProperty().bindBidirectional(vm.zoneProperty());
        zone.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.zoneProperty().set(b);
        });

        GridPane when = new GridPane();
        when.setHgap(8);
        when.setVgap(8);
        when.addRow(0, new Label("Day"), date);
        when.addRow(1, new Label("Time"), FormFields.row(8, time, new Label("(24-hour clock)")));
        when.addRow(2, new Label("Time zone"), zone);

        CheckBox windowOn = new CheckBox("Send only within these hours, pausing outside them:");
        windowOn.setId("scheduleWindowOn");
        windowOn.selectedProperty().bindBidirectional(vm.windowOnProperty());
        TextField from = new TextField();
        from.setId("scheduleFrom");
        from.setPrefColumnCount(5);
        from.textProperty().bindBidirectional(vm.fromProperty());
        TextField to = new TextField();
        to.setId("scheduleTo");
        to.setPrefColumnCount(5);
        to.textProperty().bindBidirectional(vm.toProperty());
        HBox dayBoxes = new HBox(8);
        for (DayOfWeek d : DayOfWeek.values()) {
            CheckBox b = new CheckBox(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            b.setId("scheduleDay-" + d.name().toLowerCase(Locale.ROOT));
            b.setSelected(vm.days().contains(d));
            b.selectedProperty().addListener((o, was, now) -> {
                if (now) vm.days().add(d);
                else vm.days().remove(d);
            });
            vm.days().addListener((javafx.collections.SetChangeListener<DayOfWeek>) c -> b.setSelected(vm.days().contains(d)));
            dayBoxes.getChildren().add(b);
        }
        HBox hours = FormFields.row(8, new Label("from"), from, new Label("to"), to);
        hours.setAlignment(Pos.CENTER_LEFT);
        VBox window = new VBox(8, hours, dayBoxes);
        window.setPadding(new Insets(0, 0, 0, 24));
        window.disableProperty().bind(vm.windowOnProperty().not());

        Label meaning = new Label();
        meaning.setId("scheduleMeaning");
        meaning.setWrapText(true);
        meaning.textProperty().bind(vm.meaningProperty());
        meaning.styleProperty().bind(vm.validProperty().map(ok -> ok ? "-fx-font-weight: bold;" : "-fx-text-fill: -color-danger-fg;"));
        Label notReady = new Label(vm.notReady() == null ? "" : vm.notReady());
        notReady.setWrapText(true);
        notReady.getStyleClass().add("danger");
        notReady.setVisible(vm.notReady() != null);
        notReady.setManaged(vm.notReady() != null);
        Label nothingDue = FormFields.problemLabel("scheduleNothingDue", vm.nothingDueProperty());
        Label note = new Label("While Broadside is open it starts the campaign on time (the status bar shows the next start). "
                + "For a computer where Broadside is closed, let your system run \"broadside schedule run\" every few minutes: "
                + "see Help > User guide, Scheduled delivery.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");

        Button save = new Button("Save schedule");
        save.setId("scheduleSave");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.validProperty().not());
        save.setOnAction(e -> vm.save());
        Button remove = new Button("Remove schedule");
        remove.setId("scheduleRemove");
        remove.disableProperty().bind(vm.scheduledProperty().not());
        remove.setOnAction(e -> vm.remove());
        Button done = new Button("Close");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        HBox buttons = new HBox(8, save, remove, done);
        Label status = new Label();
        status.setId("scheduleStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        getChildren().addAll(title, when, windowOn, window, meaning, nothingDue, notReady, buttons, status, note);
        vm.load();
    }
}

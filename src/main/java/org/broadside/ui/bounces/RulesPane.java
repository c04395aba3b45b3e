package org.broadside.ui.bounces;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.beans.property.BooleanProperty;
import javafx.util.StringConverter;

import static org.broadside.ui.common.FormFields.keepLabels;
import org.broadside.ui.common.FormFields;

/** The Rules tab: what each kind of message does to its address, in plain words. */
final class RulesPane extends VBox {
    private static final String BLACKLIST = "Blacklist the address and flag its contacts";
    private static final String RECORD = "Only record the event";

    RulesPane(BounceRulesViewModel vm) {
        Spinner<Integer> soft = new Spinner<>(0, 100, 3);
        soft.setId("rulesSoftLimit");
        soft.setEditable(true);
        soft.setPrefWidth(90);
        soft.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.softBounceLimitProperty().set(b);
        });
        vm.softBounceLimitProperty().addListener((o, a, b) -> soft.getValueFactory().setValue(b.intValue()));

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(10);
        int r = 0;
        g.addRow(r++, new Label("A hard bounce (the address does not exist)"), choice("rulesHard", vm.blacklistHardBouncesProperty()));
        HBox softRule = FormFields.row(6, new Label("Blacklist after"), soft,
                new Label("in a row, across campaigns (0: never, only record them)"));
        g.addRow(r++, new Label("Soft bounces (mailbox full, server busy)"), softRule);
        g.addRow(r++, new Label("A complaint (marked as spam)"), choice("rulesComplaints", vm.blacklistComplaintsProperty()));
        g.addRow(r, new Label("An unsubscribe request"), choice("rulesUnsubscribes", vm.blacklistUnsubscribesProperty()));
        Label note = new Label("The rules apply to messages scanned from now on. Every event can be undone on the Events tab. "
                + "Automatic replies (out of office) are recorded and ignored.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        Button save = new Button("Save");
        save.setId("rulesSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        Button defaults = new Button("Recommended rules");
        defaults.setOnAction(e -> vm.useDefaults());
        Label result = new Label();
        result.setId("rulesResult");
        result.textProperty().bind(vm.resultProperty());
        HBox actions = new HBox(8, save, defaults, result);
        keepLabels(g);
        keepLabels(actions);
        getChildren().setAll(g, note, actions);
        setSpacing(14);
        setPadding(new Insets(16));
    }

    private static ChoiceBox<Boolean> choice(String id, BooleanProperty blacklist) {
        ChoiceBox<Boolean> c = new ChoiceBox<>();
        c.setId(id);
        c.getItems().setAll(true, false);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(Boolean b) { return b == null ? "" : b ? BLACKLIST : RECORD; }

            @Override
            public Boolean fromString(String s) { return BLACKLIST.equals(s); }
        });
        c.setValue(blacklist.get());
        c.valueProperty().addListener((o, a, b) -> {
            if (b != null) blacklist.set(b);
        });
        blacklist.addListener((o, a, b) -> c.setValue(b));
        return c;
    }
}

package org.broadside.ui.testsend;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.broadside.compose.testsend.TestReceipt;
import org.broadside.contacts.Contact;

import java.util.List;
import java.util.function.Function;
import org.broadside.ui.common.FormFields;

/**
 * The Send test window: on the left whom to merge the campaign as (search the list, or a random few), on the right
 * where to send it, and below the receipts, one per message, as the server answers.
 */
public final class TestSendView extends BorderPane {
    public TestSendView(TestSendViewModel vm) {
        getStyleClass().add("test-send");
        setPadding(new Insets(12));

        Label mergeAs = new Label();
        mergeAs.textProperty().bind(vm.listNameProperty().map(n -> n.isEmpty() ? "Merge as" : "Merge as recipients of the list " + n));
        mergeAs.getStyleClass().add("title-4");
        TextField search = new TextField();
        search.setId("testSearch");
        search.setPromptText("Search the list (address or any field)");
        search.textProperty().bindBidirectional(vm.searchProperty());
        ListView<Contact> candidates = new ListView<>(vm.candidates());
        candidates.getStyleClass().add("line-list");
        candidates.setId("testCandidates");
        candidates.setCellFactory(l -> contactCell());
        candidates.setPlaceholder(new Label("No recipient matches."));
        candidates.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) vm.choose(candidates.getSelectionModel().getSelectedItem());
        });
        Button add = new Button("Add →");
        add.setId("testChoose");
        add.setOnAction(e -> vm.choose(candidates.getSelectionModel().getSelectedItem()));
        add.disableProperty().bind(candidates.getSelectionModel().selectedItemProperty().isNull());
        ListView<Contact> chosen = new ListView<>(vm.chosen());
        chosen.getStyleClass().add("line-list");
        chosen.setId("testChosen");
        chosen.setCellFactory(l -> contactCell());
        chosen.setPlaceholder(new Label("Nobody chosen: add someone, or pick a random few."));
        Button remove = new Button("Remove");
        remove.setOnAction(e -> vm.unchoose(chosen.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        Spinner<Integer> count = new Spinner<>(1, 20, vm.randomCountProperty().get());
        count.setPrefWidth(70);
        count.setMinWidth(70);
        count.valueProperty().addListener((o, a, b) -> vm.randomCountProperty().set(b));
        Button random = new Button("Pick at random");
        random.setId("testRandom");
        random.setOnAction(e -> vm.chooseRandom());
        VBox left = new VBox(6, mergeAs, search, new HBox(8, candidates, new VBox(6, add)), new Label("Chosen:"), chosen,
                FormFields.row(8, remove, new Label("or a random"), count, random));
        HBox.setHgrow(candidates, Priority.ALWAYS);
        candidates.setPrefHeight(170);
        chosen.setPrefHeight(110);
        // The left column keeps its width: squeezed by the growing right one, its buttons would read "...".
        left.setMinWidth(480);
        left.setPrefWidth(480);
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        random.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        mergeAs.setWrapText(true);

        Label toLabel = new Label("Send to (your own addresses; comma or one per line)");
        toLabel.getStyleClass().add("title-4");
        TextArea to = new TextArea();
        to.setId("testAddresses");
        to.setPrefRowCount(3);
        to.setWrapText(true);
        to.setPromptText("you@example.com");
        to.textProperty().bindBidirectional(vm.addressesProperty());
        CheckBox prefix = new CheckBox("Start the subject with [TEST]");
        prefix.setId("testPrefix");
        prefix.selectedProperty().bindBidirectional(vm.subjectPrefixProperty());
        Label plan = new Label();
        plan.setId("testPlan");
        plan.setWrapText(true);
        Runnable replan = () -> plan.setText(vm.plan());
        vm.addressesProperty().addListener((o, a, b) -> replan.run());
        vm.chosen().addListener((javafx.collections.ListChangeListener<Contact>) c -> replan.run());
        replan.run();
        Button send = new Button("Send test");
        send.setId("testSend");
        send.getStyleClass().add("accent");
        send.setDefaultButton(true);
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.sendingProperty());
        Button stop = new Button("Stop");
        stop.setOnAction(e -> vm.stop());
        stop.visibleProperty().bind(vm.sendingProperty());
        Label note = new Label("Tests go through the campaign's account. They never change the campaign: its recipients "
                + "stay as they are and Send still sends to everyone.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        VBox right = new VBox(8, toLabel, to, prefix, plan, FormFields.row(8, send, stop), note);
        HBox.setHgrow(right, Priority.ALWAYS);
        right.setMinWidth(320);

        TableView<TestReceipt> table = new TableView<>(vm.receipts());
        table.setId("testReceipts");
        table.setPlaceholder(new Label("The server's reply to each test message shows here."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("", 70, r -> r.outcome().failed() ? "✖ failed" : "✔ sent"),
                column("To", 200, TestReceipt::testAddress),
                column("Merged as", 200, TestReceipt::mergedAs),
                column("Subject", 220, TestReceipt::subject),
                column("Server's reply", 300, TestReceipt::receipt)));
        table.setPrefHeight(200);
        Label status = new Label();
        status.setId("testStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        HBox top = new HBox(20, left, right);
        setTop(top);
        VBox bottom = new VBox(6, new Label("Receipts"), table, status);
        VBox.setVgrow(table, Priority.ALWAYS);
        bottom.setPadding(new Insets(12, 0, 0, 0));
        setCenter(bottom);
        vm.load();
    }


    private static ListCell<Contact> contactCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Contact c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setText(null);
                    return;
                }
                String name = (c.fields().getOrDefault("First Name", "") + " " + c.fields().getOrDefault("Last Name", "")).strip();
                setText(name.isEmpty() ? c.email() : c.email() + "  —  " + name);
            }
        };
    }

    private static TableColumn<TestReceipt, String> column(String title, double width, Function<TestReceipt, String> value) {
        TableColumn<TestReceipt, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        // A long subject or reply is cut at the column's edge ("[TEST] Hello Ada, your firs..."): the tip has it whole.
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                whole.setText(item);
                setTooltip(empty || item == null || item.isEmpty() ? null : whole);
            }
        });
        return c;
    }
}

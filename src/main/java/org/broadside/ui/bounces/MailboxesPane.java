package org.broadside.ui.bounces;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.broadside.bounces.AfterScan;
import org.broadside.bounces.MailProtocol;
import org.broadside.bounces.MailboxAccount;

import static org.broadside.ui.common.FormFields.boundField;
import static org.broadside.ui.common.FormFields.keepLabels;
import org.broadside.ui.common.FormFields;

/** The Mailboxes tab: the bounce mailboxes on the left; the chosen one's form, Test connection and its transcript on the right. */
final class MailboxesPane extends BorderPane {
    MailboxesPane(MailboxesViewModel vm) {
        ListView<MailboxAccount> list = new ListView<>(vm.items());
        list.setId("mailboxList");
        list.setPlaceholder(new Label("No bounce mailbox yet.\nPress New mailbox."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(MailboxAccount m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : m.name() + "  ·  " + m.protocol() + " " + m.host());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b == null) list.getSelectionModel().clearSelection();
            else list.getSelectionModel().select(b);
        });
        list.setPrefWidth(260);

        MailboxForm f = vm.form();
        ChoiceBox<MailProtocol> protocol = new ChoiceBox<>();
        protocol.setId("mailboxProtocol");
        protocol.getItems().setAll(MailProtocol.values());
        protocol.valueProperty().bindBidirectional(f.protocolProperty());
        CheckBox tls = new CheckBox("TLS from the first byte (recommended)");
        tls.setId("mailboxTls");
        tls.selectedProperty().bindBidirectional(f.tlsProperty());
        PasswordField password = new PasswordField();
        password.setId("mailboxPassword");
        // "unchanged" only where a saved password can be kept; a new one has none to keep.
        password.promptTextProperty().bind(javafx.beans.binding.Bindings.when(vm.selectedProperty().isNull())
                .then("password").otherwise("unchanged"));
        password.textProperty().bindBidirectional(f.passwordProperty());
        TextField folder = boundField("mailboxFolder", f.folderProperty(), 16);
        folder.disableProperty().bind(f.protocolProperty().isEqualTo(MailProtocol.POP3));
        ChoiceBox<AfterScan> after = new ChoiceBox<>();
        after.setId("mailboxAfterScan");
        after.getItems().setAll(AfterScan.values());
        after.setConverter(new StringConverter<>() {
            @Override
            public String toString(AfterScan a) {
                if (a == null) return "";
                return switch (a) {
                    case KEEP -> "Leave them in the mailbox";
                    case MOVE -> "Move them to the folder";
                    case DELETE -> "Delete them from the server";
                };
            }

            @Override
            public AfterScan fromString(String s) { return null; }
        });
        after.valueProperty().bindBidirectional(f.afterScanProperty());
        TextField processed = boundField("mailboxProcessedFolder", f.processedFolderProperty(), 14);
        processed.visibleProperty().bind(f.afterScanProperty().isEqualTo(AfterScan.MOVE));

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, new Label("Name"), boundField("mailboxName", f.nameProperty(), 20));
        g.addRow(r++, new Label("Protocol"), FormFields.row(6, protocol, tls));
        g.addRow(r++, new Label("Server"), FormFields.row(6, boundField("mailboxHost", f.hostProperty(), 22), new Label("Port"),
                boundField("mailboxPort", f.portProperty(), 5)));
        g.addRow(r++, new Label("User name"), FormFields.row(6, boundField("mailboxUser", f.userProperty(), 20), new Label("Password"), password));
        g.addRow(r++, new Label("Folder"), FormFields.row(6, folder, new Label("(POP3 reads only the inbox)")));
        g.addRow(r, new Label("Recognised messages"), FormFields.row(6, after, processed));
        Label explain = new Label("Bounces, complaints, unsubscribe requests and automatic replies are recognised; every other "
                + "message stays in the mailbox untouched. The password is kept in the credential store, never in the database.");
        explain.setWrapText(true);
        explain.getStyleClass().add("text-muted");
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button add = new Button("New mailbox");
        add.setId("mailboxNew");
        add.setOnAction(e -> vm.newMailbox());
        Button save = new Button("Save");
        save.setId("mailboxSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        Button remove = new Button("Remove…");
        remove.setId("mailboxRemove");
        remove.disableProperty().bind(vm.selectedProperty().isNull());
        remove.setOnAction(e -> confirmRemove(vm));
        Button test = new Button("Test connection");
        test.setId("mailboxTest");
        test.disableProperty().bind(vm.busyProperty());
        test.setOnAction(e -> vm.testConnection());
        Button cancel = new Button("Cancel test");
        cancel.setId("mailboxCancelTest");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancelTest());
        FlowPane actions = new FlowPane(8, 6, add, save, remove, new Separator(Orientation.VERTICAL), test, cancel);

        TextArea result = new TextArea();
        result.setId("mailboxResult");
        result.setEditable(false);
        result.setWrapText(true);
        result.setPrefRowCount(3);
        result.setMinHeight(60);
        result.textProperty().bind(vm.resultProperty());
        ListView<String> transcript = new ListView<>(vm.transcript());
        transcript.setId("mailboxTranscript");
        transcript.getStyleClass().add("line-list");
        transcript.setPlaceholder(new Label("Test connection shows here what happened: connection, TLS, login, folder, messages."));
        keepLabels(g);
        keepLabels(actions);
        // As in the account manager: the answer and the conversation share the free space, each readable.
        SplitPane answers = new SplitPane(result, transcript);
        answers.setId("mailboxAnswers");
        answers.setOrientation(Orientation.VERTICAL);
        answers.setDividerPositions(0.3);
        VBox right = new VBox(8, g, explain, actions, answers);
        VBox.setVgrow(answers, Priority.ALWAYS);
        right.setPadding(new Insets(10));
        SplitPane split = new SplitPane(list, right);
        split.setDividerPositions(0.25);
        setCenter(split);
    }

    private static void confirmRemove(MailboxesViewModel vm) {
        MailboxAccount m = vm.selectedProperty().get();
        if (m == null) return;
        if (org.broadside.ui.common.DestructiveConfirmation.ask(null, "Remove the mailbox " + m.name() + "?",
                "Its password is removed from the credential store and it is no longer scanned. The events it recorded stay"
                        + " in the list, and Undo still works on them.", "Remove mailbox")) {
            vm.remove();
        }
    }

}

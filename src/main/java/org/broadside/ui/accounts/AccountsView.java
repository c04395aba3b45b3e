package org.broadside.ui.accounts;

import static org.broadside.ui.common.FormFields.boundField;
import static org.broadside.ui.common.FormFields.keepLabels;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.broadside.accounts.Account;
import org.broadside.accounts.AccountAuth;
import org.broadside.accounts.AccountSecurity;
import org.broadside.ui.common.FormFields;

/** The account manager window: accounts on the left, the form, tests and transcript on the right. */
public final class AccountsView extends BorderPane {
    public AccountsView(AccountsViewModel vm) {
        ListView<Account> list = new ListView<>(vm.items());
        list.setId("accountList");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Account a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name() + "  ·  " + a.host() + ":" + a.port());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        // New leaves no account selected: the list must not keep showing the previous one as chosen.
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b == null) list.getSelectionModel().clearSelection();
        });
        list.setPrefWidth(260);

        AccountForm f = vm.form();
        MenuButton presets = new MenuButton("Preset");
        presets.setId("presetMenu");
        presets.getItems().setAll(vm.presets().stream().map(p -> {
            MenuItem m = new MenuItem(p.label());
            m.setOnAction(e -> vm.applyPreset(p));
            return m;
        }).toList());
        ChoiceBox<AccountSecurity> security = new ChoiceBox<>();
        security.getItems().setAll(AccountSecurity.values());
        security.valueProperty().bindBidirectional(f.securityProperty());
        ChoiceBox<AccountAuth> auth = new ChoiceBox<>();
        auth.setId("accountAuth");
        auth.getItems().setAll(AccountAuth.values());
        // The mechanism's name as servers and providers' help pages write it: CRAM-MD5, not the constant's CRAM_MD5.
        auth.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(AccountAuth a) { return a == null ? "" : a.name().replace('_', '-'); }

            @Override
            public AccountAuth fromString(String s) { return AccountAuth.valueOf(s.replace('-', '_')); }
        });
        auth.valueProperty().bindBidirectional(f.authProperty());
        PasswordField password = new PasswordField();
        password.setId("accountPassword");
        // "unchanged" only where a saved password can be kept; a new one has none to keep.
        password.promptTextProperty().bind(javafx.beans.binding.Bindings.when(vm.selectedProperty().isNull())
                .then("password").otherwise("unchanged"));
        password.textProperty().bindBidirectional(f.passwordProperty());

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, new Label("Name"), text("accountName", f.nameProperty()), presets);
        g.addRow(r++, new Label("Server"), text("accountHost", f.hostProperty()), boundField("accountPort", f.portProperty(), 6));
        // Two choices and user and password share rows, so the test result below fits a 1280x800 screen.
        g.addRow(r++, new Label("Security"), security, FormFields.row(6, new Label("Login"), auth));
        g.addRow(r++, new Label("User name"), text("accountUser", f.usernameProperty()), FormFields.row(6, new Label("Password"), password));
        g.addRow(r++, new Label("EHLO name"), text("accountEhlo", f.ehloNameProperty()),
                FormFields.row(6, new Label("In flight"), tip(boundField("accountChunking", f.chunkingWindowProperty(), 4),
                        "Messages sent ahead of their receipts on one connection, when the server offers CHUNKING"
                                + " (BDAT) and PIPELINING: several per round trip. 0 sends each with DATA."),
                        new Label("messages (0 = off)")));
        g.addRow(r++, new Label("Connections"), boundField("accountConnections", f.connectionsProperty(), 6),
                // "messages each" beside Connections read as messages per account; the words say per what now.
                FormFields.row(6, new Label("Per connection"), tip(boundField("accountPerConnection", f.perConnectionProperty(), 6),
                        "Messages per connection: after this many the connection closes and a new one opens"
                                + " (many providers limit it; 0 = no limit)."), new Label("messages")));
        g.addRow(r++, new Label("Group"), FormFields.row(6, boundField("accountGroup", f.groupSizeProperty(), 6), new Label("messages, then pause")),
                FormFields.row(6, boundField("accountGroupSeconds", f.groupSecondsProperty(), 6), new Label("s")));
        g.addRow(r++, new Label("At most"), FormFields.row(6, boundField("accountHour", f.maxPerHourProperty(), 6), new Label("per hour")),
                FormFields.row(6, boundField("accountDay", f.maxPerDayProperty(), 6), new Label("per day (0 = no limit)")));
        HBox pauseAfter = FormFields.row(6, tip(boundField("accountMaxFailures", f.maxConnectionFailuresProperty(), 6),
                        "The account's sending pauses after this many connections in a row fail; press Resume once the"
                                + " server is back."),
                new Label("failed connections in a row (then Resume)"));
        g.addRow(r++, new Label("Pause after"), pauseAfter);
        GridPane.setColumnSpan(pauseAfter, 2);
        g.addRow(r, new Label("Pinned cert."), text("accountPin", f.pinnedProperty()));

        Button save = new Button("Save");
        save.setId("accountSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        Button add = new Button("New");
        add.setOnAction(e -> vm.newAccount());
        Button delete = new Button("Delete");
        delete.setOnAction(e -> vm.delete());
        Button test = new Button("Test connection");
        test.setId("accountTest");
        test.disableProperty().bind(vm.busyProperty());
        test.setOnAction(e -> vm.testConnection());
        TextField to = new TextField();
        to.setId("accountTestTo");
        to.setPromptText("test@your-domain");
        to.textProperty().bindBidirectional(vm.testToProperty());
        Button sendTest = new Button("Send test message");
        sendTest.setId("accountSendTest");
        sendTest.disableProperty().bind(vm.busyProperty());
        sendTest.setOnAction(e -> vm.sendTestMessage());
        Button cancelTest = new Button("Cancel");
        cancelTest.setId("accountCancelTest");
        cancelTest.visibleProperty().bind(vm.busyProperty());
        cancelTest.managedProperty().bind(vm.busyProperty());
        cancelTest.setOnAction(e -> vm.cancelTest());
        Button pin = new Button("Trust this certificate");
        pin.setId("accountPinButton");
        pin.visibleProperty().bind(vm.pinCandidateProperty().isNotNull());
        pin.setOnAction(e -> vm.pinCertificate());

        TextArea result = new TextArea();
        result.setId("accountResult");
        result.setEditable(false);
        result.setWrapText(true);
        result.setPrefRowCount(3);
        result.setMinHeight(60);
        result.textProperty().bind(vm.resultProperty());
        ListView<String> transcript = new ListView<>(vm.transcript());
        transcript.setId("accountTranscript");
        transcript.getStyleClass().addAll("monospace", "line-list");
        transcript.setPlaceholder(new Label("The SMTP conversation of the last test appears here."));

        // A flow, not a ToolBar: a tool bar too narrow for its buttons hides them behind a "»" that opened empty.
        FlowPane actions = new FlowPane(8, 6, add, save, delete, new Separator(Orientation.VERTICAL), test, to, sendTest, cancelTest, pin);
        actions.setId("accountActions");
        keepLabels(g);
        keepLabels(actions);
        // The result and the transcript share the free space, so the answer of a test is seen without scrolling.
        SplitPane answers = new SplitPane(result, transcript);
        answers.setId("accountAnswers");
        answers.setOrientation(Orientation.VERTICAL);
        answers.setDividerPositions(0.35);
        VBox right = new VBox(8, g, actions, answers);
        VBox.setVgrow(answers, Priority.ALWAYS);
        right.setPadding(new Insets(10));
        SplitPane split = new SplitPane(list, right);
        split.setDividerPositions(0.25);
        setCenter(split);
    }


    private static TextField tip(TextField field, String text) {
        field.setTooltip(new javafx.scene.control.Tooltip(text));
        return field;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty p) {
        return boundField(id, p, 24);
    }
}

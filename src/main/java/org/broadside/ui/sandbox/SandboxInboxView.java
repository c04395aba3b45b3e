package org.broadside.ui.sandbox;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.broadside.ui.common.FxTicker;
import org.broadside.ui.common.Icons;
import org.broadside.ui.common.Lifecycle;
import org.broadside.ui.common.Ticker;

/** Shows what the Sandbox server received: a table of messages and the raw source of the selected one. */
public final class SandboxInboxView extends BorderPane {
    private final Ticker ticker = new FxTicker(1000);

    public SandboxInboxView(SandboxInboxViewModel vm) {
        getStyleClass().add("sandbox-inbox");
        TableView<InboxMessage> table = new TableView<>(vm.shown());
        table.setId("inboxTable");
        table.getColumns().add(column("#", 50, m -> String.valueOf(m.index())));
        table.getColumns().add(column("To", 220, InboxMessage::to));
        table.getColumns().add(column("From", 220, InboxMessage::from));
        table.getColumns().add(column("Subject", 360, InboxMessage::subject));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing received yet. Send a campaign with the Sandbox account."));
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());

        TextArea raw = new TextArea();
        raw.setId("inboxRaw");
        raw.setEditable(false);
        raw.getStyleClass().add("monospace");
        raw.textProperty().bind(vm.sourceProperty());

        javafx.scene.web.WebView web = new javafx.scene.web.WebView();
        web.setId("inboxHtml");
        // What a careful mail program does: no scripts, no remote loads (remote images are blanked when decoded).
        web.getEngine().setJavaScriptEnabled(false);
        web.setContextMenuEnabled(false);
        Label htmlNote = new Label();
        htmlNote.setId("inboxNote");
        htmlNote.getStyleClass().add("text-muted");
        htmlNote.setPadding(new javafx.geometry.Insets(2, 6, 2, 6));
        TextArea text = new TextArea();
        text.setId("inboxText");
        text.setEditable(false);
        text.setWrapText(true);
        javafx.scene.control.ListView<ReceivedMessage.Attachment> attachments = new javafx.scene.control.ListView<>();
        attachments.setId("inboxAttachments");
        attachments.setPlaceholder(new Label("No attachments."));
        attachments.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ReceivedMessage.Attachment a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name() + "  (" + a.contentType() + ", " + a.size() + ")");
            }
        });
        Button open = new Button("Open");
        open.setOnAction(e -> vm.open(attachments.getSelectionModel().getSelectedItem(), org.broadside.ui.message.FileOpener.desktop()));
        Button saveAs = new Button("Save as…");
        saveAs.setOnAction(e -> {
            ReceivedMessage.Attachment a = attachments.getSelectionModel().getSelectedItem();
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName(a.name());
            java.io.File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) vm.save(a, f.toPath());
        });
        open.disableProperty().bind(attachments.getSelectionModel().selectedItemProperty().isNull());
        saveAs.disableProperty().bind(attachments.getSelectionModel().selectedItemProperty().isNull());
        TextArea headers = new TextArea();
        headers.setId("inboxHeaders");
        headers.setEditable(false);
        headers.getStyleClass().add("monospace");
        // While none is chosen, a word rather than a blank pane that looks like an empty message.
        Runnable nothingChosen = () -> htmlNote.setText(vm.messages().isEmpty() ? "" : "Choose a message in the list above to read it here.");
        vm.messages().addListener((javafx.collections.ListChangeListener<InboxMessage>) c -> {
            if (vm.renderedProperty().get() == null) nothingChosen.run();
        });
        nothingChosen.run(); // the messages received before this window opened are already listed
        javafx.scene.control.Tab htmlTab = new javafx.scene.control.Tab("Message", new javafx.scene.layout.VBox(htmlNote, web));
        javafx.scene.layout.VBox.setVgrow(web, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.Tab textTab = new javafx.scene.control.Tab("Plain text", text);
        javafx.scene.control.Tab attachTab = new javafx.scene.control.Tab("Attachments",
                new javafx.scene.layout.VBox(6, attachments, new javafx.scene.layout.HBox(8, open, saveAs)));
        javafx.scene.control.Tab headerTab = new javafx.scene.control.Tab("Headers", headers);
        javafx.scene.control.Tab rawTab = new javafx.scene.control.Tab("Source", raw);
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(htmlTab, textTab, attachTab, headerTab, rawTab);
        tabs.setId("inboxTabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.renderedProperty().addListener((o, a, m) -> {
            if (m == null) {
                web.getEngine().loadContent("");
                text.clear();
                headers.clear();
                attachments.getItems().clear();
                nothingChosen.run();
                return;
            }
            web.getEngine().loadContent(m.html() != null ? m.html()
                    : "<pre style='white-space:pre-wrap;font-family:sans-serif'>" + org.jsoup.nodes.Entities.escape(m.text() == null ? "" : m.text()) + "</pre>");
            htmlNote.setText(m.html() == null ? "This message has no HTML part: its text is shown."
                    : m.remoteImagesBlocked() > 0 ? m.remoteImagesBlocked() + " remote image(s) not loaded, as a careful mail program does." : "");
            text.setText(m.text() == null ? "(This message has no text part.)" : m.text());
            headers.setText(String.join("\n", m.headers()));
            attachments.getItems().setAll(m.attachments());
            attachTab.setText(m.attachments().isEmpty() ? "Attachments" : "Attachments (" + m.attachments().size() + ")");
        });

        SplitPane split = new SplitPane(table, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);

        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button clear = new Button("Delete all");
        clear.setId("inboxDeleteAll");
        clear.setOnAction(e -> {
            if (org.broadside.ui.common.DestructiveConfirmation.ask(getScene().getWindow(),
                    "Delete all " + vm.messages().size() + " messages of the Sandbox inbox?",
                    "Every message the Sandbox received is deleted, files included.", "Delete all messages")) {
                vm.clear();
            }
        });
        javafx.scene.control.TextField search = new javafx.scene.control.TextField();
        search.setId("inboxSearch");
        search.setPromptText("Search to, from, subject");
        search.setPrefColumnCount(18); // the whole prompt, not "Search to, from, subjec"
        search.textProperty().bindBidirectional(vm.searchProperty());
        Label status = new Label();
        status.setId("inboxStatus");
        status.textProperty().bind(vm.statusProperty());
        // The status (port, count, folder) is long: in the tool bar it would push the buttons into the overflow menu.
        ToolBar bar = new ToolBar(new Label("", Icons.inbox()), refresh, clear, search);
        javafx.scene.layout.HBox statusBar = new javafx.scene.layout.HBox(status);
        statusBar.getStyleClass().add("status-bar");
        setTop(bar);
        setBottom(statusBar);
        setCenter(split);
        Lifecycle.whileShowing(this, () -> ticker.start(vm::refresh), ticker::stop);
    }

    private static TableColumn<InboxMessage, String> column(String title, double width,
                                                           java.util.function.Function<InboxMessage, String> value) {
        TableColumn<InboxMessage, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

}

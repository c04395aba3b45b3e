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
        TableView<InboxMessage> table = new TableView<>(vm.messages());
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

        SplitPane split = new SplitPane(table, raw);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);

        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button clear = new Button("Delete all");
        clear.setId("inboxDeleteAll");
        clear.setOnAction(e -> vm.clear());
        Label status = new Label();
        status.setId("inboxStatus");
        status.textProperty().bind(vm.statusProperty());
        // The status (port, count, folder) is long: in the tool bar it would push the buttons into the overflow menu.
        ToolBar bar = new ToolBar(new Label("", Icons.inbox()), refresh, clear);
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

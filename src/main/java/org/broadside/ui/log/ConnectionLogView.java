package org.broadside.ui.log;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import org.broadside.ui.common.Icons;

import java.io.File;

/** The connection log viewer: connections on the left, their lines coloured by who wrote them on the right. */
public final class ConnectionLogView extends BorderPane {
    private final ConnectionLogViewModel vm;

    public ConnectionLogView(ConnectionLogViewModel vm) {
        this.vm = vm;
        getStyleClass().add("connection-log");
        ListView<ConnectionKey> connections = new ListView<>(vm.connections());
        connections.setId("logConnections");
        connections.setPrefWidth(360);
        // Two lines each: account and server, then run, time and outcome.
        connections.setFixedCellSize(46);
        connections.setCellFactory(l -> new ConnectionCell());
        connections.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        vm.selectedProperty().addListener((o, a, b) -> connections.getSelectionModel().select(b));

        ListView<LogEntry> lines = new ListView<>(vm.lines());
        lines.setId("logLines");
        lines.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        lines.setCellFactory(l -> new LineCell());
        // No fixed cell size: an explained line takes two rows. One connection's lines are few enough for that.
        lines.setPlaceholder(new Label("Choose a connection"));
        vm.focusIndexProperty().addListener((o, a, b) -> focus(lines, b.intValue()));
        vm.lines().addListener((ListChangeListener<LogEntry>) c -> focus(lines, vm.focusIndexProperty().get()));

        TextField search = new TextField();
        search.setId("logSearch");
        search.setPromptText("Search (address, code, text)");
        search.setPrefColumnCount(22); // the whole prompt, not "Search (address, code, t"
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button copy = new Button("Copy");
        copy.setId("logCopy");
        copy.setOnAction(e -> copy(lines));
        lines.setOnKeyPressed(e -> {
            if (KeyCombination.keyCombination("Shortcut+C").match(e)) copy(lines);
        });
        Button export = new Button("Export…");
        export.setOnAction(e -> {
            File f = exportChooser().showSaveDialog(getScene().getWindow());
            if (f != null) vm.export(f.toPath());
        });
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        ToolBar bar = new ToolBar(new Label("", Icons.log()), search, copy, export, status);
        SplitPane split = new SplitPane(connections, lines);
        split.setDividerPositions(0.32);
        setTop(bar);
        setCenter(split);
        setPadding(new Insets(0));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) search.clear();
        });
    }

    private static void focus(ListView<LogEntry> lines, int index) {
        if (index >= 0 && index < lines.getItems().size()) {
            lines.getSelectionModel().clearAndSelect(index);
            lines.scrollTo(Math.max(0, index - 3));
        }
    }

    private static void copy(ListView<LogEntry> lines) {
        var chosen = lines.getSelectionModel().getSelectedItems();
        ClipboardContent content = new ClipboardContent();
        content.putString(ConnectionLogViewModel.asText(chosen.isEmpty() ? lines.getItems() : chosen));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The export's save dialog: named after the campaign, opening in its document's folder. */
    FileChooser exportChooser() {
        return org.broadside.ui.common.ExportChooser.of("Export the connection log", vm.campaignName(), "connection log",
                "txt", "Text", vm.exportFolder());
    }

    /** A connection: title over detail; one that could not be opened is marked, the usual reason to open the log. */
    private static final class ConnectionCell extends ListCell<ConnectionKey> {
        private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

        ConnectionCell() {
            // The list's width, not the text's: a long account name ends in "…" (the tooltip has it all) instead of
            // pushing the list into a horizontal scroll that hid the failure at the end of the second line.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ConnectionKey item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("log-connection-failed");
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(item.title() + "\n" + item.detail());
            whole.setText(getText());
            setTooltip(whole);
            if (item.failed()) getStyleClass().add("log-connection-failed");
        }
    }

    private static final class LineCell extends ListCell<LogEntry> {
        LineCell() {
            // Long lines wrap at the window's edge: the explanation of a refused connection or a long 5xx reply said
            // what to do past the right edge, behind a horizontal scroll bar. A preferred width of 0 lets the list
            // give the cell its own width, and the cell takes the height its wrapped text needs.
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(LogEntry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("log-client", "log-server", "log-info");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.asDisplayText());
            getStyleClass().add(switch (item.direction()) {
                case CLIENT -> "log-client";
                case SERVER -> "log-server";
                case INFO -> "log-info";
            });
        }
    }
}

package org.broadside.ui.blacklist;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.broadside.contacts.BlacklistRepository.BlacklistEntry;
import org.broadside.ui.common.Lifecycle;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** The blacklist manager window's content. */
public final class BlacklistView extends BorderPane {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    public BlacklistView(BlacklistViewModel vm) {
        TextField entry = text("blacklistEntry", vm.newEntryProperty(), "someone@example.com or @example.com");
        entry.setOnAction(e -> vm.add());
        TextField reason = text("blacklistReason", vm.reasonProperty(), "reason (optional)");
        Button add = new Button("Add");
        add.setId("blacklistAdd");
        add.setOnAction(e -> vm.add());
        TextField search = text("blacklistSearch", vm.searchProperty(), "Search");
        TableView<BlacklistEntry> table = new TableView<>(vm.shown());
        table.setId("blacklistTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Nobody is blacklisted."));
        // The last column takes the room left: "Added" showed its time cut ("2026-12-08 00:…") beside an empty column.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Address or domain", 280, BlacklistEntry::entry),
                column("Reason", 280, BlacklistEntry::reason),
                column("Source", 120, BlacklistEntry::source),
                column("Added", 140, e -> DATE.format(Instant.ofEpochMilli(e.addedAtMillis())))));
        Button remove = new Button("Remove selected");
        remove.setId("blacklistRemove");
        remove.setOnAction(e -> vm.remove(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Label status = new Label();
        status.setId("blacklistStatus");
        status.textProperty().bind(vm.statusProperty());
        Button importFile = new Button("Import…");
        importFile.setId("blacklistImport");
        importFile.setTooltip(new javafx.scene.control.Tooltip("A text file with one address or @domain per line, or a CSV with an Email column"));
        importFile.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Import addresses to blacklist");
            chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("CSV or text files", "*.csv", "*.txt"),
                    new javafx.stage.FileChooser.ExtensionFilter("All files", "*.*"));
            java.io.File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.importFile(f.toPath());
        });
        Button exportFile = new Button("Export…");
        exportFile.setId("blacklistExport");
        exportFile.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Export the blacklist");
            chooser.setInitialFileName("blacklist.csv");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV files (*.csv)", "*.csv"));
            java.io.File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) vm.exportFile(f.toPath());
        });
        vm.reportProperty().addListener((o, a, text) -> {
            if (text == null || text.isBlank()) return;
            org.broadside.ui.common.TextDialog.show("Blacklist import", text, false);
        });
        // Two rows: in one, Import and Export went into the overflow menu at the window's size and the entry's hint was
        // cut ("someone@example.con").
        entry.setPrefColumnCount(24);
        reason.setPrefColumnCount(20);
        ToolBar adding = new ToolBar(entry, reason, add);
        ToolBar finding = new ToolBar(search, remove, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), importFile, exportFile);
        setTop(new javafx.scene.layout.VBox(adding, finding));
        setCenter(table);
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        setBottom(bar);
        Lifecycle.whileShowing(this, vm::activate, vm::deactivate);
    }

    private static TableColumn<BlacklistEntry, String> column(String title, double width, Function<BlacklistEntry, String> value) {
        TableColumn<BlacklistEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }
}

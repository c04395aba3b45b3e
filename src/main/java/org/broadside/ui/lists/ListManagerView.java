package org.broadside.ui.lists;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.ui.common.FxTicker;
import org.broadside.ui.common.Lifecycle;
import org.broadside.ui.common.Ticker;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The list manager window's content: list chooser, search, and the virtualized contact table. */
public final class ListManagerView extends BorderPane {
    private final ListManagerViewModel vm;
    private final TableView<ContactRow> table;
    private final Ticker progressTicker = new FxTicker(100);

    public ListManagerView(ListManagerViewModel vm, Runnable openImport) {
        this.vm = vm;
        getStyleClass().add("list-manager");
        ComboBox<ContactList> lists = new ComboBox<>(vm.lists());
        lists.setId("listChoice");
        lists.setPromptText("Choose a list");
        lists.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(ContactList l) { return l == null ? "" : l.name(); }
            @Override public ContactList fromString(String s) { return null; }
        });
        lists.valueProperty().bindBidirectional(vm.selectedProperty());
        TextField search = new TextField();
        search.setId("contactSearch");
        // Short enough for the field's width: "Search address or any field" showed as "Search address or any f", and a
        // wider field pushed the Tools menu out of the toolbar on a 1280-pixel screen.
        search.setPromptText("Search all fields");
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button newList = new Button("New list…");
        newList.setOnAction(e -> ask("New list", "Name of the new list").ifPresent(n -> vm.createList(n, List.of("First Name", "Last Name"))));
        Button addField = new Button("Add field…");
        addField.setOnAction(e -> ask("Add field", "Name of the new field").ifPresent(vm::addField));
        Button add = new Button("Add contact…");
        add.setId("addContact");
        add.setOnAction(e -> new ContactDialog(null, vm.fields()).showAndWait().ifPresent(vm::save));
        Button delete = new Button("Delete");
        delete.setId("deleteContacts");
        Button export = new Button("Export…");
        export.setId("exportButton");
        export.setOnAction(e -> export());
        export.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
        Button importButton = new Button("Import…");
        importButton.setId("importButton");
        importButton.setOnAction(e -> openImport.run());
        Label status = new Label();
        status.setId("listStatus");
        status.textProperty().bind(vm.statusProperty());
        javafx.scene.control.MenuButton clean = new javafx.scene.control.MenuButton("Tools");
        clean.setId("cleanMenu");
        javafx.scene.control.MenuItem dedupe = new javafx.scene.control.MenuItem("Remove duplicates");
        dedupe.setOnAction(e -> vm.deduplicate());
        javafx.scene.control.MenuItem check = new javafx.scene.control.MenuItem("Validate addresses (syntax, role, disposable)");
        check.setOnAction(e -> vm.validate(false, false));
        javafx.scene.control.MenuItem checkDns = new javafx.scene.control.MenuItem("Validate and check domains (DNS)");
        checkDns.setOnAction(e -> vm.validate(true, false));
        javafx.scene.control.MenuItem purge = new javafx.scene.control.MenuItem("Validate and remove invalid addresses…");
        purge.setOnAction(e -> {
            if (org.broadside.ui.common.DestructiveConfirmation.ask(getScene().getWindow(), "Remove invalid addresses?",
                    "Addresses that are invalid or whose domain cannot receive mail will be deleted from the list.", "Remove them")) {
                vm.validate(true, true);
            }
        });
        javafx.scene.control.MenuItem refreshSource = new javafx.scene.control.MenuItem("Refresh from saved source");
        refreshSource.setId("refreshFromSource");
        refreshSource.setOnAction(e -> vm.refreshFromSources());
        // Says which sources it would re-run, or that there is none (and how to save one), before it is chosen.
        clean.setOnShowing(e -> {
            refreshSource.setDisable(true);
            vm.loadSavedSources(names -> {
                refreshSource.setDisable(names.isEmpty());
                refreshSource.setText(names.isEmpty() ? "Refresh from saved source (none: save one in the import wizard)"
                        : "Refresh from saved source: " + String.join(", ", names));
            });
        });
        javafx.scene.control.MenuItem deleteList = new javafx.scene.control.MenuItem("Delete this list…");
        deleteList.setOnAction(e -> {
            if (org.broadside.ui.common.DestructiveConfirmation.ask(getScene().getWindow(), "Delete this list?",
                    vm.deleteListQuestion(), "Delete list")) {
                vm.deleteList();
            }
        });
        clean.getItems().setAll(refreshSource, new javafx.scene.control.SeparatorMenuItem(), dedupe, check, checkDns, purge,
                new javafx.scene.control.SeparatorMenuItem(), deleteList);
        clean.disableProperty().bind(vm.busyProperty());
        setTop(new javafx.scene.layout.VBox(new ToolBar(lists, newList, addField, search, add, delete, importButton, export, clean),
                filterBar()));
        vm.reportProperty().addListener((o, a, text) -> {
            if (text == null || text.isBlank()) return;
            var area = new javafx.scene.control.TextArea(text);
            area.setEditable(false);
            area.getStyleClass().add("monospace");
            var shown = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
            shown.setHeaderText("Report");
            shown.getDialogPane().setContent(area);
            shown.show();
        });
        javafx.scene.control.ProgressBar working = new javafx.scene.control.ProgressBar(-1);
        working.setId("cleanupProgress");
        working.progressProperty().bind(vm.progressProperty());
        working.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelCleanup");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.disableProperty().bind(vm.cancellingProperty());
        cancel.setOnAction(e -> vm.cancel());
        vm.busyProperty().addListener((o, was, now) -> {
            if (now) progressTicker.start(vm::pollProgress);
            else progressTicker.stop();
        });
        javafx.scene.layout.HBox statusBar = new javafx.scene.layout.HBox(10, status, working, cancel);
        statusBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");
        setBottom(statusBar);

        table = new TableView<>(vm.rows());
        table.setId("contactTable");
        table.setFixedCellSize(26);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // What to do next, not only that there is nothing: an empty list asks for contacts, a search for other words.
        Label empty = new Label();
        empty.setId("contactsPlaceholder");
        empty.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(vm::emptyTableText,
                vm.selectedProperty(), vm.searchProperty(), vm.filterProperty()));
        table.setPlaceholder(empty);
        table.setSortPolicy(t -> {
            var order = t.getSortOrder();
            if (order.isEmpty()) vm.sortBy(null, true);
            else vm.sortBy((String) order.get(0).getUserData(), order.get(0).getSortType() == TableColumn.SortType.ASCENDING);
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<ContactRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().loaded()) edit(row.getItem().contact());
            });
            return row;
        });
        table.setContextMenu(contextMenu());
        delete.setOnAction(e -> askAndDelete());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE) askAndDelete();
        });
        vm.fields().addListener((ListChangeListener<String>) c -> columns());
        columns();
        setCenter(table);
        Lifecycle.whileShowing(this, vm::activate, vm::deactivate);
    }

    /**
     * The segment filter, in the language of a campaign's filter: the contacts it shows are the ones a campaign with
     * the same filter sends to. Its problem (a syntax error, a field the list lacks) shows beside it.
     */
    private javafx.scene.Node filterBar() {
        TextField filter = new TextField();
        filter.setId("contactFilter");
        filter.setPromptText("Filter, as in a campaign: [[Country]] = \"FR\" <AND> [[Score]] >= 10");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        javafx.scene.layout.HBox.setHgrow(filter, javafx.scene.layout.Priority.ALWAYS);
        Label problem = new Label();
        problem.setId("filterProblem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(vm.filterProblemProperty());
        problem.setWrapText(true);
        problem.setMaxWidth(420);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        Label label = new Label("Filter:");
        label.setLabelFor(filter);
        var bar = new javafx.scene.layout.HBox(8, label, filter, problem);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        return bar;
    }

    private void edit(Contact c) {
        new ContactDialog(c, vm.fields()).showAndWait().ifPresent(edited -> vm.save(c, edited));
    }

    private void export() {
        ContactList list = vm.selectedProperty().get();
        if (list == null) return;
        String shown = String.format("%,d", table.getItems().size());
        ExportDialog dialog = new ExportDialog(list.name(), vm.fields(), vm.shownSelection(), shown);
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().ifPresent(choice -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Export the contacts");
            String ext = choice.format().extension();
            chooser.setInitialFileName(org.broadside.ui.common.ExportChooser.safe(list.name()) + "." + ext);
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(
                    choice.format() == org.broadside.contacts.ContactExport.Format.CSV ? "CSV files (*.csv)" : "Excel workbooks (*.xlsx)", "*." + ext));
            java.io.File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) vm.export(choice.fields(), choice.onlyShown(), choice.format(), f.toPath());
        });
    }

    /** The loaded contacts of the selection (a row still being read has none yet). */
    private List<Contact> chosen() {
        return table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull)
                .map(ContactRow::contact).filter(Objects::nonNull).toList();
    }

    private void askAndDelete() {
        List<Contact> chosen = chosen();
        if (chosen.isEmpty()) return;
        if (org.broadside.ui.common.DestructiveConfirmation.ask(getScene().getWindow(), ListManagerViewModel.deleteQuestion(chosen),
                "Campaigns already sent keep their record of them.", "Delete")) {
            vm.delete(chosen);
        }
    }

    /** Right-click on the contacts: the same actions as the tool bar and a few only a selection has. */
    private javafx.scene.control.ContextMenu contextMenu() {
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy address");
        copy.setId("menuCopyAddress");
        copy.setOnAction(e -> {
            var content = new javafx.scene.input.ClipboardContent();
            content.putString(ListManagerViewModel.addresses(chosen()));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        javafx.scene.control.MenuItem editItem = new javafx.scene.control.MenuItem("Edit…");
        editItem.setId("menuEditContact");
        editItem.setOnAction(e -> chosen().stream().findFirst().ifPresent(this::edit));
        javafx.scene.control.MenuItem block = new javafx.scene.control.MenuItem("Add to blacklist");
        block.setId("menuBlacklistContact");
        block.setOnAction(e -> vm.addToBlacklist(chosen()));
        javafx.scene.control.MenuItem write = new javafx.scene.control.MenuItem("Write in mail program");
        write.setId("menuMailto");
        write.setOnAction(e -> {
            java.net.URI uri = ListManagerViewModel.mailto(chosen());
            // The desktop call can block while the mail program starts: never on the FX thread.
            Thread t = new Thread(() -> {
                try {
                    if (!java.awt.Desktop.isDesktopSupported() || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.MAIL)) {
                        throw new java.io.IOException("this system has no mail program set up for Broadside to open");
                    }
                    java.awt.Desktop.getDesktop().mail(uri);
                } catch (Exception ex) {
                    String why = org.broadside.diagnostics.FailureText.logged(
                            org.slf4j.LoggerFactory.getLogger(ListManagerView.class), "The mail program could not be opened", ex);
                    javafx.application.Platform.runLater(() -> vm.statusProperty().set("The mail program could not be opened: " + why));
                }
            }, "mailto");
            t.setDaemon(true);
            t.start();
        });
        javafx.scene.control.MenuItem deleteItem = new javafx.scene.control.MenuItem("Delete…");
        deleteItem.setId("menuDeleteContacts");
        deleteItem.setOnAction(e -> askAndDelete());
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(copy, editItem, block, write,
                new javafx.scene.control.SeparatorMenuItem(), deleteItem);
        menu.setOnShowing(e -> {
            int n = chosen().size();
            menu.getItems().forEach(i -> i.setDisable(n == 0));
            editItem.setDisable(n != 1);
            block.setVisible(vm.canBlacklist());
            copy.setText(n > 1 ? String.format("Copy %,d addresses", n) : "Copy address");
        });
        return menu;
    }

    private void columns() {
        table.getSortOrder().clear();
        table.getColumns().clear();
        table.getColumns().add(column("Email", 260, Contact::email));
        for (String f : vm.fields()) table.getColumns().add(column(f, 150, c -> c.fields().getOrDefault(f, "")));
    }

    private static TableColumn<ContactRow, String> column(String name, double width, Function<Contact, String> value) {
        TableColumn<ContactRow, String> col = new TableColumn<>(name);
        col.setUserData(name);
        col.setPrefWidth(width);
        col.setCellValueFactory(cd -> cd.getValue().contactProperty().map(value).orElse("…"));
        return col;
    }

    private java.util.Optional<String> ask(String title, String header) {
        TextInputDialog d = new TextInputDialog();
        d.setTitle(title);
        d.setHeaderText(header);
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }
}

package org.broadside.ui.imports;

import static org.broadside.ui.common.FormFields.boundField;
import static org.broadside.ui.common.FormFields.keepLabels;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.broadside.contacts.imports.FileSources;
import org.broadside.contacts.imports.JdbcSettings;
import org.broadside.ui.common.FxTicker;
import org.broadside.ui.common.Lifecycle;
import org.broadside.ui.common.Ticker;

import java.io.File;
import java.util.List;
import org.broadside.ui.common.FormFields;

/** The import wizard's steps on one page: source, preview, mapping, target list, then run and report. */
public final class ImportWizardView extends BorderPane {
    /** Where the divider between the tables and the import goes, as a share of their height. */
    static final double TABLES_FIRST = 0.75;
    static final double REPORT_FIRST = 0.22;
    private final Ticker ticker = new FxTicker(100);

    public ImportWizardView(ImportWizardViewModel vm) {
        ImportSourceForm f = vm.source();
        ToggleGroup kind = new ToggleGroup();
        RadioButton fromFile = new RadioButton("File (CSV, TSV, Excel, vCard, text)");
        fromFile.setToggleGroup(kind);
        RadioButton fromDb = new RadioButton("Database (PostgreSQL, MySQL/MariaDB, SQLite)");
        fromDb.setId("importFromDatabase");
        fromDb.setToggleGroup(kind);
        fromFile.setSelected(true);
        kind.selectedToggleProperty().addListener((o, a, b) -> f.kindProperty().set(b == fromDb ? ImportSourceForm.Kind.DATABASE : ImportSourceForm.Kind.FILE));

        TextField file = boundField("importFile", f.fileProperty(), 36);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            File chosen = new FileChooser().showOpenDialog(getScene().getWindow());
            if (chosen != null) f.fileProperty().set(chosen.getAbsolutePath());
        });
        ChoiceBox<FileSources.Format> format = new ChoiceBox<>();
        format.getItems().add(null);
        format.getItems().addAll(FileSources.Format.values());
        format.valueProperty().bindBidirectional(f.formatProperty());
        HBox fileRow = FormFields.row(6, file, browse, new Label("Format"), format, new Label("(empty: by extension)"));

        ChoiceBox<JdbcSettings.Kind> dbKind = new ChoiceBox<>();
        dbKind.getItems().setAll(JdbcSettings.Kind.values());
        dbKind.valueProperty().bindBidirectional(f.databaseProperty());
        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(f.passwordProperty());
        Button test = new Button("Test connection");
        test.setId("importTestConnection");
        test.setOnAction(e -> vm.testConnection());
        GridPane db = new GridPane();
        db.setId("importDatabaseFields");
        db.setHgap(8);
        db.setVgap(6);
        TextField url = boundField("importUrl", f.urlProperty(), 40);
        url.setPromptText("jdbc:postgresql://host:5432/name?user=reader");
        Label urlProblem = new Label();
        urlProblem.setId("importUrlProblem");
        urlProblem.getStyleClass().add("error-text");
        urlProblem.textProperty().bind(f.urlProblemProperty());
        db.add(new Label("JDBC URL"), 0, 0);
        db.add(url, 1, 0, 4, 1);
        db.add(urlProblem, 5, 0, 2, 1);
        db.addRow(1, new Label("Database"), dbKind, new Label("Host"), boundField("importHost", f.hostProperty(), 14),
                new Label("Port"), boundField("importPort", f.portProperty(), 5));
        db.addRow(2, new Label("Name"), boundField("importDb", f.databaseNameProperty(), 12), new Label("User"),
                boundField("importUser", f.userProperty(), 14), new Label("Password"), password);
        db.addRow(3, new Label("Table"), boundField("importTable", f.tableProperty(), 12), new Label("or query"),
                boundField("importQuery", f.queryProperty(), 30));
        db.add(test, 4, 3, 2, 1);
        // Only the chosen source's fields take room, and the two choices share a line: with a database as the source,
        // the file's row, the second choice's line and the tip's row left the preview and the mapping one row each
        // on a 1280x800 screen.
        db.managedProperty().bind(fromDb.selectedProperty());
        db.visibleProperty().bind(fromDb.selectedProperty());
        fileRow.managedProperty().bind(fromFile.selectedProperty());
        fileRow.visibleProperty().bind(fromFile.selectedProperty());
        Button preview = new Button("Preview");
        preview.setId("importPreview");
        preview.setOnAction(e -> vm.loadPreview());
        // Beside Preview rather than on a row of its own under the database's fields.
        Label urlTip = new Label("Paste a JDBC URL to fill the fields above, or fill them to build it.");
        urlTip.getStyleClass().add("text-muted");
        urlTip.managedProperty().bind(fromDb.selectedProperty());
        urlTip.visibleProperty().bind(fromDb.selectedProperty());
        HBox kinds = FormFields.row(24, fromFile, fromDb);
        VBox sourceBox = new VBox(8, kinds, fileRow, db, FormFields.row(12, preview, urlTip));
        keepLabels(sourceBox);

        TableView<List<String>> previewTable = new TableView<>(vm.previewRows());
        previewTable.setId("importPreviewTable");
        previewTable.setPrefHeight(120);
        // The theme's rows are 42 pixels high: the preview showed two and a half rows of twenty.
        previewTable.setFixedCellSize(28);
        Label noPreview = new Label("Press Preview: the source's first rows appear here.");
        noPreview.setWrapText(true);
        previewTable.setPlaceholder(noPreview);
        vm.columns().addListener((ListChangeListener<String>) c -> {
            previewTable.getColumns().clear();
            for (int i = 0; i < vm.columns().size(); i++) {
                int col = i;
                TableColumn<List<String>, String> tc = new TableColumn<>(vm.columns().get(i));
                tc.setCellValueFactory(cd -> new ReadOnlyStringWrapper(col < cd.getValue().size() ? cd.getValue().get(col) : ""));
                // Wide enough for its header and first values: the default 80 pixels showed "First N..." and "Sc...".
                tc.setPrefWidth(previewWidth(vm.columns().get(i), vm.previewRows(), col));
                previewTable.getColumns().add(tc);
            }
        });

        TableView<MappingRow> mapTable = new TableView<>(vm.mapping());
        mapTable.setId("importMapping");
        mapTable.setEditable(true);
        mapTable.setPrefHeight(120);
        // Room for the field's combo box in each row, and still twice the rows of the theme's height.
        mapTable.setFixedCellSize(34);
        TableColumn<MappingRow, String> colName = new TableColumn<>("Column");
        colName.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().columnName()));
        colName.setPrefWidth(150);
        TableColumn<MappingRow, String> sample = new TableColumn<>("First value");
        sample.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().sample()));
        sample.setPrefWidth(150);
        // The header stays short (a long one is cut at the narrow widths of a laptop); how to use it is in the tip.
        TableColumn<MappingRow, String> target = new TableColumn<>("Goes to field");
        Label targetHeader = new Label("Goes to field");
        targetHeader.setTooltip(new javafx.scene.control.Tooltip("Choose or type the field; leave it empty to leave the column out."));
        target.setGraphic(targetHeader);
        target.setText(null);
        target.setCellValueFactory(cd -> cd.getValue().targetProperty());
        target.setCellFactory(c -> new MappingTargetCell(vm.targetChoices()));
        target.setPrefWidth(180);
        mapTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label noColumns = new Label("Press Preview: the source's columns appear here, to map to fields.");
        noColumns.setWrapText(true);
        mapTable.setPlaceholder(noColumns);
        mapTable.getColumns().setAll(List.of(colName, sample, target));

        ComboBox<String> list = new ComboBox<>(vm.listNames());
        list.setId("importList");
        list.setEditable(true);
        list.setPromptText("existing or new list");
        list.valueProperty().bindBidirectional(vm.listNameProperty());
        CheckBox skipBlack = new CheckBox("Leave blacklisted addresses out");
        skipBlack.selectedProperty().bindBidirectional(vm.skipBlacklistedProperty());
        TextField saveAs = boundField("importSaveAs", vm.saveAsProperty(), 16);
        saveAs.setPromptText("name, to re-run later");
        Button run = new Button("Import");
        run.setId("importRun");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.runImport());
        Button cancel = new Button("Cancel import");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(javafx.beans.binding.Bindings.when(vm.runningProperty()).then(-1.0).otherwise(0.0));
        Label read = new Label();
        read.textProperty().bind(vm.rowsReadProperty().asString("%,d rows read"));
        HBox target2 = FormFields.row(8, new Label("Into list"), list, skipBlack, new Label("Save this source as"), saveAs);
        HBox runRow = new HBox(8, run, cancel, bar, read);
        TextArea report = new TextArea();
        report.setId("importReport");
        report.setEditable(false);
        report.setPrefRowCount(3);
        report.setWrapText(true);
        report.textProperty().bind(vm.reportProperty());
        // Until an import has something to say, its empty box would only take the tables' rows.
        report.managedProperty().bind(vm.reportProperty().isNotEmpty());
        report.visibleProperty().bind(vm.reportProperty().isNotEmpty());
        Label status = new Label();
        status.setId("importStatus");
        status.setWrapText(true);
        // Every line of it, under the steps: a driver's error is long ("… refused. Check that the hostname and port are
        // correct …"); inside the import's step it was cut to one line, or clipped at the window's bottom.
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());

        // No scrolling: the source on top, then preview beside mapping, then the import and its report, which take
        // the free space; the split panes let the user give either more room. All of it fits a 1280x800 screen.
        VBox importBox = new VBox(8, target2, runRow, report);
        VBox.setVgrow(report, Priority.ALWAYS);
        SplitPane tables = new SplitPane(titled("2. Preview", previewTable), titled("3. Mapping", mapTable));
        tables.setDividerPositions(0.5);
        SplitPane work = new SplitPane(tables, titled("4. Import", importBox));
        work.setId("importSplit");
        work.setOrientation(Orientation.VERTICAL);
        // The tables take most of it: before an import they are what the user reads; the report below then takes
        // the free space of its half (its lines wrap, and it scrolls when an import has much to say).
        work.setDividerPositions(TABLES_FIRST);
        // An import's report is then what the user reads (read, added, updated, rejected and why): it gets the room,
        // and a new preview gives it back to the tables. The divider stays the user's to drag either way.
        vm.reportProperty().addListener((o, was, now) -> {
            if (now != null && !now.isBlank()) work.setDividerPositions(REPORT_FIRST);
        });
        vm.columns().addListener((ListChangeListener<String>) c -> work.setDividerPositions(TABLES_FIRST));
        VBox steps = new VBox(8, titled("1. Source", sourceBox), work, status);
        VBox.setVgrow(work, Priority.ALWAYS);
        steps.setPadding(new Insets(10));
        keepLabels(target2);
        keepLabels(runRow);
        setCenter(steps);
        Lifecycle.whileShowing(this, () -> {
            vm.activate();
            ticker.start(vm::pollProgress);
        }, () -> {
            ticker.stop();
            vm.deactivate();
        });
    }

    /** Pixels for a preview column: its longest text among the header and the rows shown, within 60-260. */
    static double previewWidth(String header, List<List<String>> rows, int col) {
        int longest = header == null ? 0 : header.length();
        for (List<String> row : rows) {
            if (col < row.size() && row.get(col) != null) longest = Math.max(longest, row.get(col).length());
        }
        return Math.max(60, Math.min(260, longest * 8.5 + 24));
    }

    private static TitledPane titled(String title, javafx.scene.Node content) {
        TitledPane t = new TitledPane(title, content);
        t.setCollapsible(false);
        // Fill the split pane's part rather than float in its middle with a gap above and below.
        t.setMaxHeight(Double.MAX_VALUE);
        return t;
    }
}

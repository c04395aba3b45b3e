package org.broadside.ui.bounces;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.broadside.bounces.BounceKind;
import org.broadside.bounces.ListedBounce;
import org.broadside.bounces.ListedBounce.CampaignName;
import org.broadside.ui.common.FxTicker;
import org.broadside.ui.common.Lifecycle;
import org.broadside.ui.common.Ticker;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import static org.broadside.ui.common.FormFields.keepLabels;

/** The Events tab: Scan now with its progress, the filters, and the table of events with Undo. */
final class EventsPane extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final Ticker ticker = new FxTicker(100);

    EventsPane(BouncesViewModel vm) {
        Button scan = new Button("Scan now");
        scan.setId("bouncesScan");
        scan.getStyleClass().add("accent");
        scan.disableProperty().bind(vm.scanningProperty());
        scan.setOnAction(e -> vm.scanNow());
        Button stop = new Button("Stop scan");
        stop.setId("bouncesStopScan");
        stop.visibleProperty().bind(vm.scanningProperty());
        stop.managedProperty().bind(vm.scanningProperty());
        stop.setOnAction(e -> vm.cancelScan());
        ComboBox<CampaignName> campaign = new ComboBox<>();
        campaign.setId("bouncesCampaign");
        campaign.setPromptText("All campaigns");
        campaign.setConverter(converter(c -> c.name(), "All campaigns"));
        campaign.setItems(vm.campaigns());
        campaign.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(CampaignName c, boolean empty) {
                super.updateItem(c, empty);
                setText(c == null ? "All campaigns" : c.name());
            }
        });
        campaign.valueProperty().bindBidirectional(vm.campaignFilterProperty());
        Button allCampaigns = new Button("All");
        allCampaigns.setId("bouncesAllCampaigns");
        allCampaigns.setOnAction(e -> vm.campaignFilterProperty().set(null));
        allCampaigns.disableProperty().bind(vm.campaignFilterProperty().isNull());
        ComboBox<BounceKind> kind = new ComboBox<>();
        kind.setId("bouncesKind");
        kind.getItems().add(null);
        kind.getItems().addAll(BounceKind.HARD_BOUNCE, BounceKind.SOFT_BOUNCE, BounceKind.COMPLAINT, BounceKind.UNSUBSCRIBE, BounceKind.AUTO_REPLY);
        kind.setConverter(converter(BounceWords::kind, "All kinds"));
        kind.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(BounceKind k, boolean empty) {
                super.updateItem(k, empty);
                setText(BounceWords.kind(k));
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindFilterProperty());
        TextField search = new TextField();
        search.setId("bouncesSearch");
        search.setPromptText("Search address, reason, campaign");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(vm.searchProperty());
        FlowPane bar = new FlowPane(8, 6, scan, stop, new Label("Campaign"), campaign, allCampaigns, new Label("Kind"), kind, search);
        bar.setAlignment(Pos.CENTER_LEFT);
        keepLabels(bar);

        ProgressBar progress = new ProgressBar();
        progress.setId("bouncesProgress");
        progress.progressProperty().bind(vm.scanProgressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        ListView<String> scanLines = new ListView<>(vm.scanLines());
        scanLines.setId("bouncesScanLines");
        scanLines.getStyleClass().add("line-list");
        scanLines.setPrefHeight(80);
        VBox scanBox = new VBox(4, progress, scanLines);
        // The progress shows while a scan runs and its lines stay afterwards, until the window is closed.
        scanBox.visibleProperty().bind(vm.scanningProperty().or(javafx.beans.binding.Bindings.isNotEmpty(vm.scanLines())));
        scanBox.managedProperty().bind(scanBox.visibleProperty());
        progress.visibleProperty().bind(vm.scanningProperty());
        progress.managedProperty().bind(vm.scanningProperty());

        TableView<ListedBounce> table = table(vm);
        Button undo = new Button("Undo");
        undo.setId("bouncesUndo");
        undo.disableProperty().bind(table.getSelectionModel().selectedItemProperty().map(r -> !BounceWords.undoable(r.event())).orElse(true));
        undo.setOnAction(e -> vm.undo(table.getSelectionModel().getSelectedItem()));
        Label status = new Label();
        status.setId("bouncesStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label summary = new Label();
        summary.setId("bouncesSummary");
        summary.getStyleClass().add("text-muted");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox foot = new HBox(10, undo, status, summary);
        foot.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        undo.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        VBox top = new VBox(8, bar, scanBox);
        top.setPadding(new Insets(10, 10, 8, 10));
        foot.setPadding(new Insets(8, 10, 10, 10));
        setTop(top);
        setCenter(table);
        setBottom(foot);
        Lifecycle.whileShowing(this, () -> ticker.start(vm::tick), ticker::stop);
    }

    private static TableView<ListedBounce> table(BouncesViewModel vm) {
        TableView<ListedBounce> table = new TableView<>(vm.items());
        table.setId("bouncesTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        // The columns share the window's width: their sum (1,230 px) pushed Mailbox past the edge of a 1280-pixel screen.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No events. Press Scan now to read the bounce mailboxes (set them up on the Mailboxes tab)."));
        table.getColumns().setAll(java.util.List.of(
                column("Received", 135, r -> TIME.format(r.event().messageDate())),
                column("Kind", 135, r -> BounceWords.kind(r.event().kind())),
                column("Address", 200, r -> r.event().email() == null ? "–" : r.event().email()),
                column("Campaign", 130, r -> r.campaignName() == null ? "–" : r.campaignName()),
                column("Action", 280, r -> BounceWords.action(r.event())),
                column("Reason", 260, r -> (r.event().status() == null ? "" : r.event().status() + " ")
                        + (r.event().reason() == null ? "" : r.event().reason())),
                column("Mailbox", 90, r -> r.event().mailbox() == null ? "" : r.event().mailbox())));
        table.setRowFactory(t -> {
            TableRow<ListedBounce> row = new TableRow<>();
            row.itemProperty().addListener((o, a, b) -> {
                row.getStyleClass().remove("text-muted");
                if (b != null && b.event().undone()) row.getStyleClass().add("text-muted");
            });
            return row;
        });
        table.setContextMenu(menu(vm, table));
        return table;
    }

    /** One menu for the table, for the row under the pointer (a right-click selects it) or chosen with the keyboard. */
    static ContextMenu menu(BouncesViewModel vm, TableView<ListedBounce> table) {
        MenuItem copy = new MenuItem("Copy address");
        copy.setId("bouncesCopyAddress");
        copy.setOnAction(e -> {
            ListedBounce r = table.getSelectionModel().getSelectedItem();
            if (r == null || r.event().email() == null) return;
            ClipboardContent c = new ClipboardContent();
            c.putString(r.event().email());
            Clipboard.getSystemClipboard().setContent(c);
        });
        MenuItem undo = new MenuItem("Undo");
        undo.setOnAction(e -> vm.undo(table.getSelectionModel().getSelectedItem()));
        MenuItem log = new MenuItem("Open the campaign's connection log");
        log.setOnAction(e -> vm.openLog(table.getSelectionModel().getSelectedItem()));
        MenuItem campaign = new MenuItem("Show only this campaign");
        campaign.setOnAction(e -> vm.showCampaign(table.getSelectionModel().getSelectedItem().campaignUid(), null));
        ContextMenu menu = new ContextMenu(copy, undo, log, campaign);
        menu.setOnShowing(e -> {
            ListedBounce r = table.getSelectionModel().getSelectedItem();
            copy.setDisable(r == null || r.event().email() == null);
            undo.setDisable(r == null || !BounceWords.undoable(r.event()));
            log.setDisable(!vm.hasLog(r));
            campaign.setDisable(r == null || r.campaignUid() == null);
        });
        return menu;
    }

    private static TableColumn<ListedBounce, String> column(String title, double width, Function<ListedBounce, String> value) {
        TableColumn<ListedBounce, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> StringConverter<T> converter(Function<T, String> words, String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) { return t == null ? none : words.apply(t); }

            @Override
            public T fromString(String s) { return null; }
        };
    }
}

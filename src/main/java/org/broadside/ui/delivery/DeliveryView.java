package org.broadside.ui.delivery;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.SentBy;
import org.broadside.ui.common.FxTicker;
import org.broadside.ui.common.Icons;
import org.broadside.ui.common.Lifecycle;
import org.broadside.ui.common.Ticker;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/** The Delivery tab: controls, progress, counts per state and the live per-recipient table. */
public final class DeliveryView extends BorderPane {
    private final Button report = new Button("Report");

    /** Shows the Report button, which opens the campaign's report with its charts (Campaign > Report). */
    public void setOnReport(Runnable open) {
        report.setOnAction(e -> open.run());
        report.setVisible(true);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final Ticker ticker = new FxTicker(100);

    public DeliveryView(DeliveryViewModel vm) {
        getStyleClass().add("delivery-view");
        Button send = new Button("Send", Icons.send());
        send.setId("sendButton");
        send.getStyleClass().add("accent");
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.canSendProperty().not());
        Button pause = new Button("Pause", Icons.pause());
        pause.setId("pauseButton");
        pause.setOnAction(e -> vm.pause());
        pause.disableProperty().bind(vm.canPauseProperty().not());
        Button resume = new Button("Resume", Icons.resume());
        resume.setId("resumeButton");
        resume.setOnAction(e -> vm.resume());
        resume.disableProperty().bind(vm.canResumeProperty().not());
        Button stop = new Button("Stop", Icons.stop());
        stop.setId("stopButton");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.canStopProperty().not());
        Button resend = new Button("Re-send deferred/unknown");
        resend.setId("resendButton");
        resend.setOnAction(e -> vm.resendDeferredAndUnknown());
        resend.disableProperty().bind(vm.canResendNowProperty().not());
        Button export = new Button("Export report…");
        export.setId("exportButton");
        export.setOnAction(e -> {
            FileChooser chooser = org.broadside.ui.common.ExportChooser.of("Export the delivery report", vm.campaignName(),
                    "delivery report", "csv", "CSV (any spreadsheet; UTF-8)", vm.campaignFolder());
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) vm.exportReport(f.toPath());
        });
        report.setId("reportButton");
        report.setVisible(false);
        report.managedProperty().bind(report.visibleProperty());
        ComboBox<RecipientState> filter = new ComboBox<>();
        filter.setId("stateFilter");
        filter.setPromptText("All states");
        filter.getItems().add(null);
        filter.getItems().addAll(Arrays.asList(RecipientState.values()));
        filter.valueProperty().bindBidirectional(vm.filterProperty());
        ToolBar bar = new ToolBar(send, pause, resume, stop, resend, export, report, new Label("Show"), filter);

        ProgressBar progress = new ProgressBar();
        progress.setId("deliveryProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label status = new Label();
        status.setId("deliveryStatus");
        status.textProperty().bind(statusLine(vm));
        Label rate = new Label();
        rate.textProperty().bind(vm.rateProperty());
        Label left = new Label();
        left.textProperty().bind(vm.timeLeftProperty());
        HBox progressRow = new HBox(12, progress, rate, left);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        HBox countsRow = new HBox(16);
        countsRow.setId("stateCounts");
        for (RecipientState s : RecipientState.values()) {
            Label l = new Label("", Icons.state(s));
            l.setId("count-" + s.name());
            l.textProperty().bind(Bindings.createStringBinding(
                    () -> s.name().charAt(0) + s.name().substring(1).toLowerCase() + " " + vm.counts().getOrDefault(s, 0L), vm.counts()));
            countsRow.getChildren().add(l);
        }
        HBox bounces = BounceLinks.of(vm);
        HBox badgeRow = new HBox(8);
        badgeRow.setId("accountBadges");
        badgeRow.setAlignment(Pos.CENTER_LEFT);
        vm.badges().addListener((javafx.collections.ListChangeListener<AccountBadge>) c -> showBadges(badgeRow, vm));
        badgeRow.managedProperty().bind(Bindings.isNotEmpty(vm.badges()));
        VBox head = new VBox(6, bar, new BannerView(vm), status, progressRow, countsRow, badgeRow, bounces, TrackingPane.of(vm));
        head.setPadding(new Insets(0, 10, 8, 10));

        TableView<RecipientItem> table = new TableView<>(vm.visibleItems());
        table.setId("deliveryTable");
        // A fixed row height, as in the list manager: otherwise the table measures rows all over the list to estimate
        // its length, which reads pages far from the screen and evicts the ones it shows (rows stuck "loading").
        table.setFixedCellSize(32);
        table.setPlaceholder(new Label("Not sent yet. Press Send: every recipient appears here, waiting, then with the server's receipt."));
        TableColumn<RecipientItem, RecipientState> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(110);
        state.setMinWidth(110); // "DEFERRED" with its icon
        TableColumn<RecipientItem, String> email = new TableColumn<>("Recipient");
        email.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().email()));
        email.setPrefWidth(240);
        TableColumn<RecipientItem, Number> code = new TableColumn<>("Code");
        code.setCellValueFactory(c -> c.getValue().codeProperty());
        code.setCellFactory(c -> new CodeCell());
        code.setPrefWidth(60);
        code.setMinWidth(60); // "Code", not "Co..."
        TableColumn<RecipientItem, String> reply = new TableColumn<>("Reply");
        reply.setCellValueFactory(c -> c.getValue().replyProperty());
        reply.setPrefWidth(235); // 85 px to "Sent by" (and 10 from Queue id), so that every column fits 1280 px
        TableColumn<RecipientItem, String> queue = new TableColumn<>("Queue id");
        queue.setCellValueFactory(c -> c.getValue().queueIdProperty());
        queue.setPrefWidth(110);
        queue.setMinWidth(90);
        TableColumn<RecipientItem, Number> attempts = new TableColumn<>("Attempts");
        attempts.setCellValueFactory(c -> c.getValue().attemptsProperty());
        attempts.setPrefWidth(90);
        attempts.setMinWidth(90); // "Atte..." said nothing
        TableColumn<RecipientItem, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> Bindings.createStringBinding(() -> time(c.getValue()),
                c.getValue().atProperty(), c.getValue().stateProperty()));
        time.setPrefWidth(80);
        time.setMinWidth(80); // "11:09:42", not "11:09..."
        TableColumn<RecipientItem, String> next = new TableColumn<>("Next attempt");
        next.setCellValueFactory(c -> Bindings.createStringBinding(() -> nextAttempt(c.getValue()),
                c.getValue().nextAttemptProperty(), c.getValue().stateProperty()));
        next.setPrefWidth(125);
        next.setMinWidth(125);
        // Who recorded each row (issue 15: several machines may send one campaign), shown even when one process sent
        // everything, so users can compare the panels of two machines. Last, the columns users read first stay put.
        TableColumn<RecipientItem, SentBy> sentBy = new TableColumn<>("Sent by");
        sentBy.setId("sentByColumn");
        sentBy.setCellValueFactory(c -> c.getValue().sentByProperty());
        sentBy.setCellFactory(c -> new SentByCell());
        sentBy.setPrefWidth(205); // "laptop-anne (pid 99121)" whole
        sentBy.setMinWidth(80); // "Sent by" whole, never "Se..."
        table.getColumns().setAll(java.util.List.of(state, email, code, reply, queue, attempts, time, next, sentBy));
        // The columns share the window's width: the window opens at 80% of a 1280-pixel screen, where their preferred
        // widths ran ~80 px past the right edge (a scroll bar to read "Sent by"). Minimum widths keep the headers whole.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> {
            TableRow<RecipientItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) vm.openLog(row.getItem());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) vm.openLog(table.getSelectionModel().getSelectedItem());
        });
        setTop(head);
        setCenter(table);
        Lifecycle.whileShowing(this, () -> ticker.start(vm::tick), ticker::stop);
        Lifecycle.whileShowing(this, vm::activateBounces, vm::deactivateBounces);
        SendConfirmationPrompt.attach(this, vm);
    }

    /**
     * When the row's last receipt came; nothing while the recipient waits for its first attempt (the time of the
     * list's freeze showed there, and read as a time it was sent).
     */
    static String time(RecipientItem item) {
        Instant at = item.atProperty().get();
        return at == null || item.state() == RecipientState.PENDING && item.attemptsProperty().get() == 0 ? "" : TIME.format(at);
    }

    /** A DEFERRED recipient's retry time; "waiting" for one not tried yet. */
    static String nextAttempt(RecipientItem item) {
        if (item.nextAttemptProperty().get() != null) return TIME.format(item.nextAttemptProperty().get());
        return item.state() == RecipientState.PENDING ? "waiting" : "";
    }

    private static void showBadges(HBox row, DeliveryViewModel vm) {
        row.getChildren().setAll(vm.badges().stream().map(b -> {
            Label l = new Label(b.text(), b.ok() ? Icons.state(RecipientState.SENT) : b.serious() ? Icons.error() : Icons.warning());
            l.setId("badge-" + b.account());
            l.getStyleClass().add(b.ok() ? "text-muted" : b.serious() ? "danger" : "text-muted");
            return l;
        }).toList());
    }

    /** "laptop-anne (pid 99121)", and the whole host name in the tooltip: the column stays narrow. */
    private static final class SentByCell extends TableCell<RecipientItem, SentBy> {
        private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

        @Override
        protected void updateItem(SentBy s, boolean empty) {
            super.updateItem(s, empty);
            boolean none = empty || s == null;
            setText(none ? null : s.shortLabel());
            if (!none) tip.setText("Recorded by " + s.label());
            setTooltip(none ? null : tip);
        }
    }

    /**
     * The status line under the banner: when the banner already says why (a paused run's refused login, a dead
     * server), only the status's first word, "Paused", rather than the same sentence again, cut off at the edge.
     * As a binding on the view model's status and banner, for this panel's status line and the strip beside Send.
     */
    static javafx.beans.binding.StringBinding statusLine(DeliveryViewModel vm) {
        return Bindings.createStringBinding(() -> statusLine(vm.statusProperty().get(), vm.bannerProperty().get()),
                vm.statusProperty(), vm.bannerProperty());
    }

    /** The status line for this status under this banner (null: none). */
    static String statusLine(String status, Banner banner) {
        if (status == null || banner == null) return status;
        int colon = status.indexOf(": ");
        if (colon < 0) return status;
        String why = status.substring(colon + 2);
        String start = why.substring(0, Math.min(40, why.length()));
        return banner.text().contains(start) ? status.substring(0, colon) : status;
    }

    /** A reply code, blank while there is none (a waiting recipient showed "0", as if a server had said it). */
    static final class CodeCell extends TableCell<RecipientItem, Number> {
        @Override
        protected void updateItem(Number code, boolean empty) {
            super.updateItem(code, empty);
            setText(empty || code == null || code.intValue() == 0 ? null : Integer.toString(code.intValue()));
        }
    }

    private static final class StateCell extends TableCell<RecipientItem, RecipientState> {
        @Override
        protected void updateItem(RecipientState s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : s.name());
            setGraphic(empty || s == null ? null : Icons.state(s));
        }
    }
}

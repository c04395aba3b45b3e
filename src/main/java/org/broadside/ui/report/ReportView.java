package org.broadside.ui.report;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.broadside.report.AccountRow;
import org.broadside.report.DeliverySummary;
import org.broadside.report.DomainRow;
import org.broadside.report.Outcome;
import org.broadside.report.ReplyCodeRow;
import org.broadside.report.ReportWords;
import org.broadside.report.StateCounts;
import org.broadside.report.TimelinePoint;
import org.broadside.ui.common.FxTicker;
import org.broadside.ui.common.Lifecycle;
import org.broadside.ui.common.Ticker;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The Report window's content: totals, duration and rate, charts of receipts over time and outcome by domain, and
 * tables per account, per domain and per reply code, with CSV and HTML exports. Everything is redrawn from one
 * {@link DeliverySummary} at a time, so what the window shows always belongs to a single moment.
 */
public final class ReportView extends BorderPane {
    private static final String CHARTS_CSS = ReportView.class.getResource("report.css").toExternalForm();
    private final ReportViewModel vm;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final FlowPane cards = new FlowPane(10, 10);
    private final Label timing = new Label();
    private final StackedBarChart<String, Number> timeline = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final StackedBarChart<Number, String> byDomain = new StackedBarChart<>(new NumberAxis(), new CategoryAxis());
    private final TableView<AccountRow> accounts = new TableView<>();
    private final TableView<DomainRow> domains = new TableView<>();
    private final TableView<ReplyCodeRow> replyCodes = new TableView<>();
    private final Label empty = new Label();
    private final VBox report;

    public ReportView(ReportViewModel vm) {
        this(vm, new FxTicker(2000));
    }

    public ReportView(ReportViewModel vm, Ticker ticker) {
        this.vm = vm;
        getStylesheets().add(CHARTS_CSS);
        getStyleClass().add("report");
        title.setId("reportTitle");
        title.getStyleClass().add("title-3");
        subtitle.setId("reportSubtitle");
        subtitle.getStyleClass().add("text-muted");
        cards.setId("reportCards");
        timing.setId("reportTiming");
        timing.setWrapText(true);

        timeline.setId("reportTimeline");
        timeline.setTitle("Receipts over time");
        timeline.setAnimated(false);
        timeline.setCategoryGap(1);
        timeline.setPrefHeight(260);
        // Bars of a few time slots at a bar's width: one slot (a small campaign over in a second) filled the whole
        // chart with one green block that read as a coloured background, not as a bar.
        timeline.widthProperty().addListener((o, a, w) -> fitTimelineBars());
        timeline.getData().addListener((javafx.collections.ListChangeListener<XYChart.Series<String, Number>>) c -> fitTimelineBars());
        ((NumberAxis) timeline.getYAxis()).setLabel("recipients");
        ((NumberAxis) timeline.getYAxis()).setMinorTickVisible(false);
        byDomain.setId("reportDomainsChart");
        byDomain.setTitle("Outcome by recipient domain");
        byDomain.setAnimated(false);
        byDomain.setPrefHeight(260);
        ((NumberAxis) byDomain.getXAxis()).setMinorTickVisible(false);
        HBox charts = new HBox(12, timeline, byDomain);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        HBox.setHgrow(byDomain, Priority.ALWAYS);
        timeline.setMinWidth(300);
        byDomain.setMinWidth(300);

        accountTable();
        domainTable();
        replyCodeTable();
        // One above the other, each the page's width: side by side, their six columns each were squeezed into half of
        // it and cut their headers and domains ("Recipie...", "example.c...") in the app's font.
        VBox perAccount = section("Per account", accounts);
        // An account or a few: a short table, not the height of twenty domains.
        accounts.setPrefHeight(150);

        report = new VBox(12, title, subtitle, cards, timing, charts, perAccount, section("Per recipient domain", domains),
                section("Most frequent replies", replyCodes));
        report.setPadding(new Insets(14));
        report.setId("reportBody");
        ScrollPane scroll = new ScrollPane(report);
        scroll.setFitToWidth(true);

        empty.setId("reportEmpty");
        empty.setWrapText(true);
        empty.textProperty().bind(vm.emptyMessageProperty());
        empty.visibleProperty().bind(vm.emptyMessageProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());
        empty.setPadding(new Insets(10, 14, 0, 14));
        empty.setMaxWidth(Double.MAX_VALUE);
        scroll.visibleProperty().bind(vm.summaryProperty().isNotNull());

        setTop(new VBox(toolbar(), empty));
        setCenter(scroll);
        Label status = new Label();
        status.setId("reportStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        setBottom(bar);

        vm.summaryProperty().addListener((o, a, s) -> show(s));
        show(vm.summaryProperty().get());
        Lifecycle.whileShowing(this, () -> {
            vm.activate();
            ticker.start(vm::tick);
        }, () -> {
            ticker.stop();
            vm.deactivate();
        });
    }

    private ToolBar toolbar() {
        Button refresh = new Button("Refresh");
        refresh.setId("reportRefresh");
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.computingProperty());
        Button csv = new Button("Export CSV…");
        csv.setId("reportExportCsv");
        csv.setTooltip(new Tooltip("Every recipient with its state, reply code, reply and account"));
        csv.setOnAction(e -> choose("Export the recipients as CSV", "report", "csv", "CSV files (*.csv)")
                .ifPresent(f -> vm.exportCsv(f.toPath())));
        Button html = new Button("Export summary (HTML)…");
        html.setId("reportExportHtml");
        html.setTooltip(new Tooltip("One page with the totals, the charts and the tables, to print or send on"));
        html.setOnAction(e -> choose("Export the summary as HTML", "report", "html", "Web pages (*.html)")
                .ifPresent(f -> vm.exportHtml(f.toPath())));
        csv.disableProperty().bind(vm.summaryProperty().isNull());
        html.disableProperty().bind(vm.summaryProperty().isNull());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label computing = new Label("Reading…");
        computing.getStyleClass().add("text-muted");
        computing.visibleProperty().bind(vm.computingProperty());
        return new ToolBar(refresh, csv, html, grow, computing);
    }

    private java.util.Optional<File> choose(String what, String name, String extension, String description) {
        return java.util.Optional.ofNullable(chooser(what, name, extension, description).showSaveDialog(getScene().getWindow()));
    }

    /** The save dialog of an export: named after the campaign, opening in its document's folder. */
    FileChooser chooser(String what, String name, String extension, String description) {
        DeliverySummary s = vm.summaryProperty().get();
        return org.broadside.ui.common.ExportChooser.of(what, s == null ? null : s.campaignName(), name,
                extension, description, vm.exportFolder());
    }

    private void show(DeliverySummary s) {
        if (s == null) return;
        ZoneId zone = vm.zone();
        title.setText("Delivery report: " + s.campaignName());
        subtitle.setText(ReportViewModel.subtitle(s, zone));
        StateCounts t = s.totals();
        cards.getChildren().setAll(card("recipients", ReportWords.count(t.total()), "", null));
        for (Outcome o : Outcome.values()) {
            cards.getChildren().add(card(o.words(), ReportWords.count(o.of(t)), ReportWords.share(o.of(t), t.total()), o));
        }
        timing.setText("First receipt " + ReportWords.when(s.firstReceipt(), zone) + "   ·   last receipt "
                + ReportWords.when(s.lastReceipt(), zone) + "   ·   duration "
                + (s.firstReceipt() == null ? "—" : ReportWords.duration(s.duration())) + "   ·   rate "
                + ReportWords.rate(s.ratePerMinute()) + bounceWords(s)
                + (s.severalSenders() ? "\n" + ReportViewModel.senders(s) : ""));
        timeline.setTitle("Receipts over time (" + s.timeline().bucket().words() + ")");
        timeline.getData().setAll(timelineSeries(s, zone));
        byDomain.getData().setAll(domainSeries(s.domains()));
        countAxis((NumberAxis) timeline.getYAxis(), largestStack(timeline.getData(), false));
        countAxis((NumberAxis) byDomain.getXAxis(), largestStack(byDomain.getData(), true));
        accounts.getItems().setAll(s.accounts());
        domains.getItems().setAll(s.domains());
        replyCodes.getItems().setAll(s.replyCodes());
    }

    /** Whole recipients on a count axis: a small campaign's domain chart was ticked 0, 0.25, 0.50 ... 2.25. */
    static void countAxis(NumberAxis axis, double largest) {
        axis.setTickLabelFormatter(WHOLE_NUMBERS);
        if (largest <= 10) {
            axis.setAutoRanging(false);
            axis.setLowerBound(0);
            axis.setUpperBound(Math.max(1, Math.ceil(largest)));
            axis.setTickUnit(1);
        } else {
            axis.setAutoRanging(true);
        }
    }

    /** Labels only the whole numbers an auto-ranged axis ticks (it may tick 2.5, 7.5 ... on a range of 25). */
    private static final javafx.util.StringConverter<Number> WHOLE_NUMBERS = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,d", (long) v) : "";
        }

        @Override
        public Number fromString(String text) {
            return Long.parseLong(text.replace(",", ""));
        }
    };

    /** The tallest stack of a stacked bar chart: the sum of the series' values per category. */
    static <X, Y> double largestStack(java.util.List<javafx.scene.chart.XYChart.Series<X, Y>> series, boolean horizontal) {
        java.util.Map<Object, Double> stacks = new java.util.HashMap<>();
        for (var one : series) {
            for (var d : one.getData()) {
                Object category = horizontal ? d.getYValue() : d.getXValue();
                Number value = (Number) (horizontal ? d.getXValue() : d.getYValue());
                stacks.merge(category, value.doubleValue(), Double::sum);
            }
        }
        return stacks.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static String bounceWords(DeliverySummary s) {
        org.broadside.bounces.BounceCounts b = s.bounces();
        if (b == null || b.bounces() + b.complaints() + b.unsubscribes() == 0) return "";
        return "\nAfterwards: " + counted(b.hardBounces(), "hard bounce") + " · " + counted(b.softBounces(), "soft bounce")
                + " · " + counted(b.complaints(), "complaint") + " · " + counted(b.unsubscribes(), "unsubscribe");
    }

    private static String counted(long n, String what) {
        return ReportWords.count(n) + " " + what + (n == 1 ? "" : "s");
    }

    /** Bar width in pixels above which a time slot's bar stops growing. */
    private static final double WIDEST_BAR = 48;

    private void fitTimelineBars() {
        int slots = timeline.getData().isEmpty() ? 0 : timeline.getData().get(0).getData().size();
        timeline.setCategoryGap(categoryGap(slots, timeline.getWidth()));
    }

    /** The gap between time slots that leaves each slot's bar at most {@link #WIDEST_BAR} wide (and at least 1 apart). */
    static double categoryGap(int slots, double chartWidth) {
        double plot = Math.max(0, chartWidth - 90); // the axis and the chart's padding
        return slots == 0 ? 1 : Math.max(1, plot / slots - WIDEST_BAR);
    }

    private static List<XYChart.Series<String, Number>> timelineSeries(DeliverySummary s, ZoneId zone) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(s.timeline().bucket().millis() >= 86_400_000L ? "MMM d"
                : s.timeline().bucket().millis() >= 60_000 ? "HH:mm" : "HH:mm:ss").withZone(zone);
        return java.util.Arrays.stream(Outcome.ANSWERED).map(o -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(o.words());
            for (TimelinePoint p : s.timeline().points()) series.getData().add(new XYChart.Data<>(f.format(p.at()), o.of(p)));
            return series;
        }).toList();
    }

    private static List<XYChart.Series<Number, String>> domainSeries(List<DomainRow> rows) {
        return java.util.Arrays.stream(Outcome.values()).map(o -> {
            XYChart.Series<Number, String> series = new XYChart.Series<>();
            series.setName(o.words());
            // Bottom to top in the chart, so the biggest domain is drawn first from the top.
            for (int i = rows.size() - 1; i >= 0; i--) series.getData().add(new XYChart.Data<>(o.of(rows.get(i).counts()), rows.get(i).label()));
            return series;
        }).toList();
    }

    private static VBox card(String words, String number, String share, Outcome outcome) {
        Label n = new Label(number);
        n.getStyleClass().addAll("title-2", "report-card-number");
        Label w = new Label(words + (share.isEmpty() ? "" : "  " + share));
        w.getStyleClass().add("text-muted");
        Pane swatch = new Pane();
        swatch.setPrefSize(28, 4);
        swatch.setMaxSize(28, 4);
        swatch.setStyle("-fx-background-color: " + (outcome == null ? "-color-fg-muted" : outcome.colour()) + ";");
        VBox card = new VBox(2, swatch, n, w);
        card.getStyleClass().add("report-card");
        card.setId("card-" + (outcome == null ? "total" : outcome.name().toLowerCase(java.util.Locale.ROOT)));
        card.setAlignment(Pos.TOP_LEFT);
        card.setMinWidth(130);
        return card;
    }

    private static VBox section(String heading, TableView<?> table) {
        Label h = new Label(heading);
        h.getStyleClass().add("title-4");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPrefHeight(230);
        VBox box = new VBox(6, h, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private void accountTable() {
        accounts.setId("reportAccounts");
        accounts.setPlaceholder(new Label("No account has tried yet."));
        accounts.getColumns().setAll(List.of(
                column("Account", 100, AccountRow::label),
                column("Tried", 92, r -> ReportWords.count(r.counts().attempted())),
                column("Accepted", 92, r -> ReportWords.count(r.counts().sent())),
                column("Deferred", 92, r -> ReportWords.count(r.counts().deferred())),
                column("Failed", 92, r -> ReportWords.count(r.counts().failed())),
                column("Unknown", 92, r -> ReportWords.count(r.counts().unknown()))));
    }

    private void domainTable() {
        domains.setId("reportDomains");
        domains.setPlaceholder(new Label("No recipients."));
        domains.getColumns().setAll(List.of(
                // The domain takes what the counts leave: at half the report's width "example.com" was cut to "example.c...".
                column("Domain", 116, DomainRow::label),
                column("Recipients", 102, r -> ReportWords.count(r.counts().total())),
                column("Accepted", 90, r -> ReportWords.count(r.counts().sent())),
                column("Deferred", 88, r -> ReportWords.count(r.counts().deferred())),
                column("Failed", 68, r -> ReportWords.count(r.counts().failed())),
                column("Pending", 84, r -> ReportWords.count(r.counts().pending()))));
    }

    private void replyCodeTable() {
        replyCodes.setId("reportReplyCodes");
        replyCodes.setPlaceholder(new Label("No server has replied yet."));
        TableColumn<ReplyCodeRow, String> meaning = column("What it means", 330, r -> r.meaning()
                + (r.advice() == null || r.advice().isBlank() ? "" : " " + r.advice()));
        meaning.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean emptyCell) {
                super.updateItem(item, emptyCell);
                setText(emptyCell ? null : item);
                setTooltip(emptyCell || item == null ? null : new Tooltip(item));
            }
        });
        replyCodes.getColumns().setAll(List.of(
                column("Reply", 90, ReplyCodeRow::label),
                column("Recipients", 106, r -> ReportWords.count(r.count())),
                meaning,
                column("For example", 330, r -> r.example() == null ? "" : r.example())));
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}

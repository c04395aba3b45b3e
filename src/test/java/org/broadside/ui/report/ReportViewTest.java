package org.broadside.ui.report;

import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.broadside.report.DeliverySummaryRepository;
import org.broadside.report.SentCampaign;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.common.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Report window drawn over a real store: cards, both charts, the three tables. */
@ExtendWith(ApplicationExtension.class)
class ReportViewTest {
    private static final Ticker NO_TICKS = new Ticker() {
        @Override
        public void start(Runnable onTick) { }

        @Override
        public void stop() { }
    };
    private ReportView view;
    private ReportViewModel vm;

    @Start
    void start(Stage stage) {
        SentCampaign campaign = new SentCampaign(TempDirs.create("report-view")).send();
        DeliverySummaryRepository summaries = new DeliverySummaryRepository(campaign.db);
        vm = new ReportViewModel(SentCampaign.UID, summaries::summarize, (u, t) -> 0,
                new SameThreadRunner(), ZoneOffset.UTC);
        view = new ReportView(vm, NO_TICKS);
        Scene scene = new Scene(view, 1180, 760);
        scene.getStylesheets().add(org.broadside.ui.shell.Theme.appStylesheet());
        stage.setScene(scene);
        stage.show();
    }

    /** The report's exports open in the campaign document's folder, like the delivery report's (they opened in home). */
    @Test
    void anExportOpensInTheCampaignsFolder() {
        java.nio.file.Path folder = TempDirs.create("report-exports");
        vm.exportIn(folder);
        assertThat(view.chooser("Export the recipients as CSV", "report", "csv", "CSV files (*.csv)").getInitialDirectory())
                .isEqualTo(folder.toFile());
        vm.exportIn(null);
        assertThat(view.chooser("Export the summary as HTML", "report", "html", "Web pages (*.html)").getInitialDirectory())
                .as("a campaign never saved").isEqualTo(new java.io.File(System.getProperty("user.home")));
    }

    /** A campaign over within a second: its one time slot was drawn as a block as wide as the chart, not a bar. */
    @Test
    void aFewTimeSlotsKeepABarsWidth() {
        double width = 590;
        assertThat(width - 90 - ReportView.categoryGap(1, width)).as("one slot's bar").isEqualTo(48);
        assertThat((width - 90) / 3 - ReportView.categoryGap(3, width)).as("each of three").isEqualTo(48);
        assertThat(ReportView.categoryGap(300, width)).as("many slots: bars side by side").isEqualTo(1);
    }

    /** Recipients are counted whole: a small campaign's axes had ticks at 0.25, 0.50 ... */
    @Test
    void countAxesOfASmallCampaignTickWholeRecipients(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        StackedBarChart<?, ?> domains = robot.from(view).lookup("#reportDomainsChart").queryAs(StackedBarChart.class);
        javafx.scene.chart.NumberAxis x = (javafx.scene.chart.NumberAxis) domains.getXAxis();
        robot.interact(() -> {
            domains.applyCss();
            domains.layout();
        });
        assertThat(x.getTickMarks()).isNotEmpty().allSatisfy(t -> {
            double v = ((Number) t.getValue()).doubleValue();
            assertThat(v).isEqualTo(Math.rint(v));
        });
        assertThat(x.getTickUnit()).isEqualTo(1);
        javafx.scene.chart.NumberAxis big = new javafx.scene.chart.NumberAxis();
        ReportView.countAxis(big, 25_000);
        assertThat(big.isAutoRanging()).isTrue();
        assertThat(big.getTickLabelFormatter().toString(2.5)).isEmpty();
        assertThat(big.getTickLabelFormatter().toString(25_000)).isEqualTo("25,000");
    }

    /** Every header of the two tables is whole ("Recipie...", "Accep..." were cut when they stood side by side). */
    @Test
    void tableHeadersAreNotCut(FxRobot robot) {
        robot.interact(() -> {
            // The app's theme: its bold headers are what did not fit.
            view.getScene().setUserAgentStylesheet(getClass().getResource("/atlantafx/base/theme/primer-light.css").toExternalForm());
            view.applyCss();
            view.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String table : List.of("#reportDomains", "#reportAccounts")) {
            var headers = robot.from(view).lookup(table + " .column-header .label").queryAllAs(Label.class);
            assertThat(headers).as(table).isNotEmpty();
            assertThat(headers).allSatisfy(l -> assertThat(l.getWidth()).as(table + " " + l.getText())
                    .isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5));
        }
    }

    @Test
    void showsTheTotalsChartsAndTables(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(view).lookup("#reportTitle").queryAs(Label.class).getText()).isEqualTo("Delivery report: Spring news");
        assertThat(robot.from(view).lookup("#card-total .report-card-number").queryAs(Label.class).getText()).isEqualTo("12");
        assertThat(robot.from(view).lookup("#card-sent .report-card-number").queryAs(Label.class).getText()).isEqualTo("5");
        assertThat(robot.from(view).lookup("#reportTiming").queryAs(Label.class).getText()).contains("duration 2 min 5 s")
                .as("one process sent it: no list of machines").doesNotContain("Sent by");

        StackedBarChart<?, ?> timeline = robot.from(view).lookup("#reportTimeline").queryAs(StackedBarChart.class);
        assertThat(timeline.getData()).hasSize(4);
        long answered = timeline.getData().stream().flatMap(s -> s.getData().stream()).mapToLong(d -> ((Number) d.getYValue()).longValue()).sum();
        assertThat(answered).as("every answered recipient is on the timeline once").isEqualTo(9);
        StackedBarChart<?, ?> domains = robot.from(view).lookup("#reportDomainsChart").queryAs(StackedBarChart.class);
        assertThat(domains.getData()).hasSize(6);

        assertThat(robot.from(view).lookup("#reportAccounts").queryAs(TableView.class).getItems()).hasSize(2);
        assertThat(robot.from(view).lookup("#reportDomains").queryAs(TableView.class).getItems()).isNotEmpty();
        assertThat(robot.from(view).lookup("#reportReplyCodes").queryAs(TableView.class).getItems()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(robot.from(view).lookup("#reportEmpty").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.from(view).lookup("#reportExportHtml").queryButton().isDisabled()).isFalse();
    }
}

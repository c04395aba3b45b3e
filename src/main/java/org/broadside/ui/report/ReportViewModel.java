package org.broadside.ui.report;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.broadside.delivery.CampaignStatus;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.report.DeliverySummary;
import org.broadside.report.ReportWords;
import org.broadside.report.SummaryHtml;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.StoreSubscription;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One campaign's delivery report as the Report window shows it. The summary is computed in the store (aggregates, so a
 * million recipients take a moment, never the FX thread); while the campaign sends the window asks again on every
 * tick, otherwise only when the campaign changes state.
 */
public final class ReportViewModel {
    /** Computes the summary of a campaign by its uid; empty when the campaign was never sent (never recorded). */
    @FunctionalInterface
    public interface Summaries {
        Optional<DeliverySummary> summarize(String campaignUid);
    }

    /** Writes the per-recipient CSV of a campaign; answers how many rows it wrote. */
    @FunctionalInterface
    public interface CsvExport {
        long write(String campaignUid, Path target) throws Exception;
    }

    private final String campaignUid;
    private final Summaries summaries;
    private final CsvExport csv;
    private final BackgroundRunner runner;
    private final ZoneId zone;
    private final ObjectProperty<DeliverySummary> summary = new SimpleObjectProperty<>();
    private final StringProperty emptyMessage = new SimpleStringProperty("Reading the report…");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty computing = new SimpleBooleanProperty();
    private final StoreSubscription store = new StoreSubscription(this::heard);
    private java.nio.file.Path exportFolder;
    private boolean again;

    public ReportViewModel(String campaignUid, Summaries summaries, CsvExport csv, BackgroundRunner runner, ZoneId zone) {
        this.campaignUid = campaignUid;
        this.summaries = summaries;
        this.csv = csv;
        this.runner = runner;
        this.zone = zone;
    }

    /** Where an export opens: the campaign document's folder, or null (the home folder) while it has none. */
    public java.nio.file.Path exportFolder() { return exportFolder; }

    public void exportIn(java.nio.file.Path folder) { exportFolder = folder; }

    /** The latest summary; null until the first one is read, and while the campaign was never sent. */
    public ReadOnlyObjectProperty<DeliverySummary> summaryProperty() { return summary; }

    /** What the window says instead of the report when there is none (never sent, nobody answered yet, an error). */
    public ReadOnlyStringProperty emptyMessageProperty() { return emptyMessage; }

    /** The result of the last export, or why it failed. */
    public StringProperty statusProperty() { return status; }

    public ReadOnlyBooleanProperty computingProperty() { return computing; }

    public ZoneId zone() { return zone; }

    public String campaignUid() { return campaignUid; }

    /** Where store changes come from; heard between {@link #activate} and {@link #deactivate}. */
    public void listenTo(EventSource events) { store.use(events); }

    /** The window shows: follow the campaign, and read the report now. */
    public void activate() {
        store.open();
        refresh();
    }

    public void deactivate() { store.close(); }

    /** Called on the window's timer: a campaign that is sending changes every moment without a state change. */
    public void tick() {
        DeliverySummary s = summary.get();
        if (s != null && s.status() == CampaignStatus.RUNNING) refresh();
    }

    private void heard(AppEvent e) {
        if (e instanceof AppEvent.CampaignStateChanged c && (c.uid() == null || c.uid().equals(campaignUid))) refresh();
    }

    /** Reads the summary again; a request while one is being computed is served once that one ends. */
    public void refresh() {
        if (computing.get()) {
            again = true;
            return;
        }
        computing.set(true);
        runner.run(() -> summaries.summarize(campaignUid), found -> {
            done();
            show(found);
        }, e -> {
            done();
            emptyMessage.set("The report could not be read: " + e.getMessage());
        });
    }

    private void done() {
        computing.set(false);
        if (again) {
            again = false;
            refresh();
        }
    }

    private void show(Optional<DeliverySummary> found) {
        if (found.isEmpty()) {
            summary.set(null);
            emptyMessage.set("This campaign has not been sent yet, so there is nothing to report. "
                    + "Press Send (top right of the campaign window); the report fills in as the receipts come.");
            return;
        }
        summary.set(found.get());
        emptyMessage.set(found.get().noReceipts()
                ? "No server has answered yet: " + ReportWords.status(found.get().status(), found.get().statusReason()) + "."
                : "");
    }

    /** The words under the title: state, runs and when the report was made. */
    public static String subtitle(DeliverySummary s, ZoneId zone) {
        return ReportWords.status(s.status(), s.statusReason()) + " · " + s.runs() + (s.runs() == 1 ? " run" : " runs")
                + " · report made " + ReportWords.when(s.computedAt(), zone) + " (" + zone.getId() + ")";
    }

    /** "Sent by: office-pc (process 4242) 6,012; laptop (process 991) 5,988" when several processes sent it, else "". */
    public static String senders(DeliverySummary s) {
        return s.severalSenders() ? "Sent by: " + ReportWords.senders(s.senders()) : "";
    }

    /** Writes the one-page HTML summary of what is shown. */
    public void exportHtml(Path target) {
        DeliverySummary s = summary.get();
        if (s == null) {
            status.set("There is no report to export yet.");
            return;
        }
        runner.run(() -> {
            SummaryHtml.write(s, zone, target);
            return target;
        }, t -> status.set("Summary saved as " + t.getFileName() + "."), e -> status.set("The summary could not be saved: " + e.getMessage()));
    }

    /** Writes every recipient with its state and reply as CSV (streamed from the store). */
    public void exportCsv(Path target) {
        runner.run(() -> csv.write(campaignUid, target),
                n -> status.set(ReportWords.count(n) + " recipients saved as " + target.getFileName() + "."),
                e -> status.set("The CSV could not be saved: " + e.getMessage()));
    }
}

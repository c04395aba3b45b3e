package org.broadside.ui.report;

import org.broadside.delivery.CampaignStatus;
import org.broadside.events.AppEvent;
import org.broadside.events.AppEvents;
import org.broadside.report.DeliverySummaryRepository;
import org.broadside.report.SentCampaign;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.delivery.ReportExport;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Report window's model over a campaign sent into a real SQLite store (twelve recipients, see SentCampaign). */
class ReportViewModelTest {
    private final Path dir = TempDirs.create("report-vm");
    private final SentCampaign campaign = new SentCampaign(dir);
    private final DeliverySummaryRepository summaries = new DeliverySummaryRepository(campaign.db);
    private final AtomicInteger reads = new AtomicInteger();
    private final AppEvents events = new AppEvents();

    private ReportViewModel model(String uid) {
        ReportViewModel vm = new ReportViewModel(uid, u -> {
            reads.incrementAndGet();
            return summaries.summarize(u);
        }, (u, target) -> ReportExport.write(campaign.campaigns, campaign.campaigns.find(u).orElseThrow().id(), target),
                new SameThreadRunner(), ZoneOffset.UTC);
        vm.listenTo(events);
        return vm;
    }

    @Test
    void aCampaignNeverSentSaysSoAndNamesTheSendButton() {
        ReportViewModel vm = model("never-sent");
        vm.activate();
        assertThat(vm.summaryProperty().get()).isNull();
        assertThat(vm.emptyMessageProperty().get()).contains("has not been sent yet").contains("Press Send");
    }

    @Test
    void aFrozenCampaignNobodyAnsweredYetShowsItsCountsAndSaysNoServerAnswered() {
        ReportViewModel vm = model(SentCampaign.UID);
        vm.activate();
        assertThat(vm.summaryProperty().get().totals().total()).isEqualTo(12);
        assertThat(vm.emptyMessageProperty().get()).startsWith("No server has answered yet");
    }

    @Test
    void aSentCampaignShowsItsTotalsAndFollowsItsStateChanges() {
        campaign.send();
        ReportViewModel vm = model(SentCampaign.UID);
        vm.activate();
        assertThat(vm.summaryProperty().get().totals().sent()).isEqualTo(5);
        assertThat(vm.emptyMessageProperty().get()).isEmpty();
        assertThat(ReportViewModel.subtitle(vm.summaryProperty().get(), ZoneOffset.UTC)).startsWith("Paused: paused by the user · 1 run");

        campaign.campaigns.setStatus(campaign.record.id(), CampaignStatus.FINISHED, null);
        events.publish(new AppEvent.CampaignStateChanged("another-campaign"));
        assertThat(vm.summaryProperty().get().status()).isEqualTo(CampaignStatus.PAUSED);
        events.publish(new AppEvent.CampaignStateChanged(SentCampaign.UID));
        assertThat(vm.summaryProperty().get().status()).isEqualTo(CampaignStatus.FINISHED);

        vm.deactivate();
        campaign.campaigns.setStatus(campaign.record.id(), CampaignStatus.PAUSED, "again");
        events.publish(new AppEvent.CampaignStateChanged(SentCampaign.UID));
        assertThat(vm.summaryProperty().get().status()).as("a closed window no longer reads").isEqualTo(CampaignStatus.FINISHED);
    }

    @Test
    void theTimerReadsAgainOnlyWhileTheCampaignSends() {
        campaign.send();
        ReportViewModel vm = model(SentCampaign.UID);
        vm.activate();
        int before = reads.get();
        vm.tick();
        assertThat(reads.get()).as("paused: nothing changes without a state change").isEqualTo(before);
        campaign.campaigns.setStatus(campaign.record.id(), CampaignStatus.RUNNING, null);
        vm.refresh();
        vm.tick();
        vm.tick();
        assertThat(reads.get()).isEqualTo(before + 3);
    }

    @Test
    void exportsTheHtmlSummaryAndTheRecipientsAsCsv() throws Exception {
        campaign.send();
        ReportViewModel vm = model(SentCampaign.UID);
        vm.activate();
        Path html = dir.resolve("summary.html");
        vm.exportHtml(html);
        assertThat(vm.statusProperty().get()).isEqualTo("Summary saved as summary.html.");
        var page = Jsoup.parse(Files.readString(html, StandardCharsets.UTF_8));
        assertThat(page.title()).isEqualTo("Delivery report: " + SentCampaign.NAME);
        assertThat(page.text()).contains("gmail.com").contains("550 5.1.1");

        Path csv = dir.resolve("recipients.csv");
        vm.exportCsv(csv);
        assertThat(vm.statusProperty().get()).isEqualTo("12 recipients saved as recipients.csv.");
        assertThat(Files.readAllLines(csv)).hasSize(13).anyMatch(l -> l.startsWith("a3@example.com,FAILED,550,5.1.1,"));
    }

    @Test
    void anExportBeforeAnyReportSaysThereIsNothingToExport() {
        ReportViewModel vm = model("never-sent");
        vm.activate();
        vm.exportHtml(dir.resolve("x.html"));
        assertThat(vm.statusProperty().get()).isEqualTo("There is no report to export yet.");
        assertThat(dir.resolve("x.html")).doesNotExist();
    }

    @Test
    void theMachinesThatSentTheCampaignAreListedOnlyWhenThereWereSeveral() {
        campaign.send();
        ReportViewModel vm = model(SentCampaign.UID);
        vm.activate();
        assertThat(ReportViewModel.senders(vm.summaryProperty().get())).as("one process: nothing to compare").isEmpty();

        // A second machine recorded two of the answered recipients (issue 15), and the first run names its process.
        campaign.db.inTransaction(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE runs SET host = 'office-pc', pid = 4242");
                s.executeUpdate("INSERT INTO runs(campaign_id, started_at, host, pid) SELECT campaign_id, 1, 'laptop', 991 FROM runs");
                s.executeUpdate("UPDATE recipients SET run_id = (SELECT MAX(id) FROM runs) WHERE email IN ('b1@gmail.com', 'c1@yahoo.com')");
            }
            return null;
        });
        vm.refresh();
        assertThat(ReportViewModel.senders(vm.summaryProperty().get()))
                .isEqualTo("Sent by: office-pc (process 4242) 7; laptop (process 991) 2");
    }
}

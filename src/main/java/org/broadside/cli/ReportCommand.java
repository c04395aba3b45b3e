package org.broadside.cli;

import org.broadside.unsubscribe.RecipientTokens;
import org.broadside.unsubscribe.TrackingRepository;
import org.broadside.bounces.BounceCounts;
import org.broadside.bounces.BounceRepository;
import org.broadside.campaign.CampaignDocument;
import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.ReceiptReport;
import org.broadside.report.DeliverySummary;
import org.broadside.report.DeliverySummaryRepository;
import org.broadside.report.ReportWords;
import org.broadside.report.SenderRow;
import org.broadside.report.SummaryHtml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/** Writes the delivery report of a campaign: per recipient as CSV, and/or the one-page HTML summary with charts. */
@Command(name = "report", mixinStandardHelpOptions = true, description = {"Write one CSV row per recipient: " + ReceiptReport.HEADER + " (then opens,clicks when the campaign tracks them), "
        + ReceiptReport.SENT_BY + " (the machine and process that sent it). Formula-like cells are neutralised.",
        "With --html, also (or instead) write a one-page HTML summary: totals, duration and rate, per account and domain, reply codes, charts."})
public final class ReportCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN.json", description = "The campaign document.")
    Path campaignFile;

    @Option(names = "--csv", paramLabel = "FILE", description = "Where to write the per-recipient CSV report.")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Where to write the one-page HTML summary.")
    Path html;

    @Override
    public Integer call() {
        if (csv == null && html == null) throw new UserInputException("Say where to write the report: --csv FILE, --html FILE, or both.");
        CampaignDocument doc = CampaignArgs.read(campaignFile);
        CampaignRepository campaigns = new CampaignRepository(database());
        CampaignRecord record = campaigns.find(doc.uid())
                .orElseThrow(() -> new UserInputException("The campaign " + doc.displayName() + " has not been sent yet, so there is no report."));
        if (csv != null) writeCsv(campaigns, record, doc);
        if (html != null) writeHtml(record);
        printSenders(record);
        if (doc.campaign().tracksOpens() || doc.campaign().tracksClicks()) {
            TrackingRepository.Totals t = new TrackingRepository(database()).totals(doc.uid());
            out().println("Tracking so far: " + t.openers() + " recipients opened (" + t.opens() + " opens; images blocked or preloaded make this a "
                    + "rough count), " + t.clickers() + " clicked (" + t.clicks() + " clicks).");
        }
        BounceCounts b = new BounceRepository(database()).countsFor(record.id());
        out().println("Bounces and complaints so far: " + b.hardBounces() + " hard, " + b.softBounces() + " soft, "
                + b.complaints() + " complaints, " + b.unsubscribes() + " unsubscribes (from 'broadside bounces scan' and the Broadside server).");
        return ExitCodes.OK;
    }

    private void writeHtml(CampaignRecord record) {
        Path target = html.toAbsolutePath();
        DeliverySummary summary = new DeliverySummaryRepository(database()).summarize(record);
        try {
            SummaryHtml.write(summary, ZoneId.systemDefault(), target);
        } catch (IOException e) {
            throw new UserInputException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        out().println("Wrote the summary of " + summary.totals().total() + " recipients to " + target);
    }

    /** Names the machines when several sent the campaign (issue 15); the CSV names each recipient's. */
    private void printSenders(CampaignRecord record) {
        java.util.List<SenderRow> senders = new DeliverySummaryRepository(database()).senders(record);
        if (senders.size() > 1) out().println("Sent by: " + ReportWords.senders(senders));
    }

    /** opens and clicks per recipient, appended when the campaign tracks them. */
    private ReceiptReport.ExtraColumns tracking(CampaignDocument doc) {
        if (!doc.campaign().tracksOpens() && !doc.campaign().tracksClicks()) return null;
        java.util.Map<String, TrackingRepository.Counts> counts = new TrackingRepository(database()).perRecipient(doc.uid());
        return new ReceiptReport.ExtraColumns() {
            @Override
            public String header() { return ",opens,clicks"; }

            @Override
            public java.util.List<String> cells(String email) {
                TrackingRepository.Counts c = counts.getOrDefault(RecipientTokens.emailKey(email), new TrackingRepository.Counts(0, 0));
                return java.util.List.of(Integer.toString(c.opens()), Integer.toString(c.clicks()));
            }
        };
    }

    private void writeCsv(CampaignRepository campaigns, CampaignRecord record, CampaignDocument doc) {
        Path target = csv.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".report", ".tmp");
            long rows;
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                rows = ReceiptReport.write(campaigns, record.id(), w, tracking(doc));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            out().println("Wrote " + rows + " recipients to " + target);
        } catch (IOException e) {
            throw new UserInputException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}

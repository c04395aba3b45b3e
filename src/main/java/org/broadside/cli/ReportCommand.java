package org.broadside.cli;

import org.broadside.bounces.BounceCounts;
import org.broadside.bounces.BounceRepository;
import org.broadside.campaign.CampaignDocument;
import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.ReceiptReport;
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
import java.util.concurrent.Callable;

/** Writes the per-recipient delivery report of a campaign as CSV. */
@Command(name = "report", description = "Write one CSV row per recipient: " + ReceiptReport.HEADER + ". Formula-like cells are neutralised.")
public final class ReportCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN.json", description = "The campaign document.")
    Path campaignFile;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Where to write the report.")
    Path csv;

    @Override
    public Integer call() {
        CampaignDocument doc = CampaignArgs.read(campaignFile);
        CampaignRepository campaigns = new CampaignRepository(database());
        CampaignRecord record = campaigns.find(doc.uid())
                .orElseThrow(() -> new UserInputException("The campaign " + doc.displayName() + " has not been sent yet, so there is no report."));
        Path target = csv.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".report", ".tmp");
            long rows;
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                rows = ReceiptReport.write(campaigns, record.id(), w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            out().println("Wrote " + rows + " recipients to " + target);
            BounceCounts b = new BounceRepository(database()).countsFor(record.id());
            out().println("Bounces and complaints so far: " + b.hardBounces() + " hard, " + b.softBounces() + " soft, "
                    + b.complaints() + " complaints, " + b.unsubscribes() + " unsubscribes (from 'broadside bounces scan').");
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new UserInputException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}

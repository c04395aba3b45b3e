package org.broadside.cli;

import org.broadside.campaign.CampaignDocument;
import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.LineDirection;
import org.broadside.delivery.LogLine;
import org.broadside.delivery.RecipientRow;
import org.broadside.log.ConnectFailureExplainer;
import org.broadside.log.Explanation;
import org.broadside.log.LogAnnotations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** Prints the connection log of a campaign, each server reply explained in plain words. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Print the campaign's connection log: every line both ways with time and connection, each server reply explained.")
public final class LogCommand extends CommandSupport implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Parameters(index = "0", paramLabel = "CAMPAIGN.json", description = "The campaign document.")
    Path campaignFile;

    @Option(names = "--connection", paramLabel = "N", description = "Only connection N (of any run).")
    int connection;

    @Option(names = "--recipient", paramLabel = "EMAIL", description = "Only the connections and transactions of this recipient.")
    String recipient;

    @Override
    public Integer call() {
        CampaignDocument doc = CampaignArgs.read(campaignFile);
        CampaignRepository campaigns = new CampaignRepository(database());
        CampaignRecord record = campaigns.find(doc.uid())
                .orElseThrow(() -> new UserInputException("The campaign " + doc.displayName() + " has not been sent yet, so there is no log."));
        PrintWriter out = out();
        if (recipient != null) {
            RecipientRow row = campaigns.recipient(record.id(), recipient)
                    .orElseThrow(() -> new UserInputException(recipient + " is not a recipient of " + doc.displayName() + "."));
            List<long[]> where = campaigns.connectionsOf(row.id());
            if (where.isEmpty()) {
                out.println(recipient + " has no transaction in the log (state " + row.state() + (row.reason() == null ? "" : ": " + row.reason()) + ").");
                return ExitCodes.OK;
            }
            for (long[] w : where) {
                out.println("== run " + w[0] + ", connection #" + w[1]);
                campaigns.forEachLogLine(record.id(), w[0], (int) w[1], l -> {
                    if (l.recipientId() == 0 || l.recipientId() == row.id()) print(out, l);
                });
            }
            return ExitCodes.OK;
        }
        Set<String> headers = new HashSet<>();
        campaigns.forEachLogLine(record.id(), 0, connection, l -> {
            if (headers.add(l.runId() + "/" + l.connection())) out.println("== run " + l.runId() + ", connection #" + l.connection());
            print(out, l);
        });
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, LogLine l) {
        String arrow = l.direction() == LineDirection.CLIENT ? "C:" : l.direction() == LineDirection.SERVER ? "S:" : "--";
        out.println(TIME.format(Instant.ofEpochMilli(l.at())) + " #" + l.connection() + " " + arrow + " " + l.text());
        Explanation e = l.direction() == LineDirection.SERVER ? LogAnnotations.explainServerLine(l.text())
                : l.direction() == LineDirection.INFO ? ConnectFailureExplainer.explainInfoLine(l.text()) : null;
        if (e != null) out.println("                                   => " + e);
    }
}

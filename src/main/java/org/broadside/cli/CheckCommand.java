package org.broadside.cli;

import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.CampaignChecks;
import org.broadside.compose.CheckLine;
import org.broadside.compose.DomainSetupChecks;
import org.broadside.contacts.ContactRepository;
import org.broadside.merge.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Prints the pre-send check of a campaign; exit 1 when it finds an error. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check a campaign before sending: merge errors with positions, unknown fields, recipients lacking data, unsubscribe, attachments, accounts, message size and links, and the From domain's SPF, DKIM, DMARC and MX. Exit 1 on an error.")
public final class CheckCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN.json", description = "The campaign document.")
    Path campaignFile;

    @Option(names = "--no-dns", description = "Skip the DNS checks of the From domain (SPF, DKIM, DMARC, MX), e.g. when offline.")
    boolean noDns;

    @Override
    public Integer call() {
        CampaignDocument doc = CampaignArgs.read(campaignFile);
        List<CheckLine> lines = new java.util.ArrayList<>(CampaignChecks.check(doc, new ContactRepository(database()), CampaignArgs.accountNames(database())));
        if (!noDns) lines.addAll(DomainSetupChecks.check(doc, database()));
        for (CheckLine l : lines) out().println(l);
        long errors = lines.stream().filter(l -> l.severity() == Severity.ERROR).count();
        long warnings = lines.size() - errors;
        out().println(doc.displayName() + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
        return errors > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}

package org.broadside.cli;

import org.broadside.accounts.CredentialStores;
import org.broadside.bounces.AfterScan;
import org.broadside.bounces.BounceClassifier;
import org.broadside.bounces.MailboxConnector;
import org.broadside.bounces.MailboxException;
import org.broadside.bounces.MailboxScanner;
import org.broadside.bounces.ScanLine;
import org.broadside.bounces.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Set;

/** "broadside bounces scan --mailbox NAME [--dry-run]": one line per message (kind, recipient, campaign, action). */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads a bounce mailbox, applies the rules to bounces, complaints and unsubscribe requests, and records each action.",
                "Only recognised messages are moved or deleted; everything else stays in the mailbox untouched."})
public final class BounceScanCommand extends CommandSupport implements Runnable {
    @Option(names = "--mailbox", required = true, paramLabel = "NAME", description = "The mailbox to scan (see: broadside mailbox list).")
    String mailbox;

    @Option(names = "--dry-run", description = "Show what would happen without changing the mailbox, the blacklist or the contacts.")
    boolean dryRun;

    @Option(names = "--unsubscribe-address", paramLabel = "ADDRESS",
            description = "The List-Unsubscribe mailto address of your campaigns; mail to it is an unsubscribe request. Repeatable.")
    List<String> unsubscribeAddresses = List.of();

    @Override
    public void run() {
        MailboxScanner scanner = new MailboxScanner(database(), CredentialStores.open(root().dataDirectory(), Environment.current()),
                MailboxConnector.systemTrust(), new BounceClassifier(Set.copyOf(unsubscribeAddresses)));
        ScanReport report;
        try {
            report = scanner.scan(mailbox, dryRun);
        } catch (MailboxException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        for (ScanLine line : report.lines()) out().println(line.format(dryRun));
        out().println(summary(report));
    }

    private static String summary(ScanReport r) {
        String messages = r.lines().size() + " message" + (r.lines().size() == 1 ? "" : "s") + ", " + r.recognised() + " recognised, "
                + r.leftAlone() + " left alone";
        if (r.dryRun()) return "dry run: " + messages + "; nothing was changed";
        String disposal = r.afterScan() == AfterScan.MOVE ? r.disposed() + " moved"
                : r.afterScan() == AfterScan.DELETE ? r.disposed() + " deleted" : "recognised messages kept in the mailbox";
        return messages + "; " + disposal;
    }
}

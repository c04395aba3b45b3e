package org.broadside.cli;

import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.CampaignSender;
import org.broadside.compose.ComposeException;
import org.broadside.delivery.AccountNotice;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.Progress;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.RunHandle;
import org.broadside.delivery.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Runs or resumes a campaign in one pass (or until no retry is left with --wait), printing live progress. */
@Command(name = "send", description = {
        "Send a campaign, or resume it: every recipient that is due (PENDING, and DEFERRED whose retry time has come) is sent once.",
        "SENT, FAILED and SKIPPED recipients are never sent again. Ctrl-C stops cleanly: messages in flight finish.",
        "Exit 0 when every recipient is SENT, FAILED or SKIPPED; 3 when some are PENDING, DEFERRED or UNKNOWN; 2 on bad input."})
public final class SendCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN.json", description = "The campaign document.")
    Path campaignFile;

    @Option(names = "--resend-unknown", description = "Also send to UNKNOWN recipients (the server may have accepted them already; the same Message-ID is reused).")
    boolean resendUnknown;

    @Option(names = "--wait", description = "Stay until no DEFERRED recipient is left to retry.")
    boolean waitForRetries;

    @Option(names = "--override-checks", description = "Send even when the pre-send check finds errors (for example no unsubscribe method).")
    boolean overrideChecks;

    @Option(names = "--no-dns", description = "Skip the DNS checks of the From domain (SPF, DKIM, DMARC, MX) before the first send.")
    boolean noDns;

    @Option(names = "--quiet", description = "Print only the final summary.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        CampaignDocument doc = CampaignArgs.read(campaignFile);
        CampaignSender sender = CampaignSender.create(database(), credentials());
        RunHandle handle;
        try {
            CampaignSender.PreSendChecks checks = overrideChecks ? CampaignSender.PreSendChecks.OVERRIDDEN
                    : noDns ? CampaignSender.PreSendChecks.WITHOUT_DNS : CampaignSender.PreSendChecks.ALL;
            handle = sender.start(doc, waitForRetries, resendUnknown, checks, new ProgressPrinter(), null);
        } catch (ComposeException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        Thread stopper = new Thread(() -> {
            handle.stop();
            try {
                handle.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "broadside-ctrl-c");
        Runtime.getRuntime().addShutdownHook(stopper);
        RunResult result = handle.await();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C arrived: the hook is already waiting for this run, which has now ended.
        }
        Progress p = result.progress();
        out().println(doc.displayName() + ": " + p.summary().replaceFirst("\\s*\\(.*\\)$", "") + " (" + p.total() + " recipients)");
        if (result.reason() != null) out().println(result.status().name().toLowerCase() + ": " + result.reason());
        if (result.status() == CampaignStatus.PAUSED) out().println("Run the same send command again to resume.");
        if (p.count(RecipientState.UNKNOWN) > 0 && !resendUnknown) {
            out().println(p.count(RecipientState.UNKNOWN) + " UNKNOWN: run again with --resend-unknown to send them again (possible duplicates).");
        }
        out().flush();
        return result.complete() && result.status() == CampaignStatus.FINISHED ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    /**
     * Prints each account notice as a line when it happens, and a progress line when the counts changed (at most
     * once a second) or every ten seconds while nothing moves; never blocks the engine for long.
     */
    private final class ProgressPrinter implements DeliveryListener {
        private static final long QUIET_PROGRESS_MILLIS = 10_000;
        private long lastPrint;
        private Map<RecipientState, Long> lastCounts = Map.of();

        @Override
        public synchronized void progress(Progress progress) {
            long now = System.currentTimeMillis();
            if (quiet || now - lastPrint < 1000) return;
            if (progress.counts().equals(lastCounts) && now - lastPrint < QUIET_PROGRESS_MILLIS) return;
            lastPrint = now;
            lastCounts = progress.counts();
            out().println(progress.summary());
            out().flush();
        }

        @Override
        public synchronized void accountNotice(AccountNotice notice) {
            if (quiet) return;
            out().println(notice.account() + ": " + notice.sentence());
            out().flush();
        }
    }
}

package org.broadside.cli;

import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.CampaignSender;
import org.broadside.compose.ComposeException;
import org.broadside.delivery.AccountNotice;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.JitPolicy;
import org.broadside.delivery.Progress;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.RunHandle;
import org.broadside.delivery.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.broadside.compose.testsend.TestAddresses;
import org.broadside.compose.testsend.TestReceipt;
import org.broadside.compose.testsend.TestRecipients;
import org.broadside.compose.testsend.TestSend;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Runs or resumes a campaign in one pass (or until no retry is left with --wait), printing live progress. */
@Command(name = "send", mixinStandardHelpOptions = true, description = {
        "Send a campaign, or resume it: every recipient that is due (PENDING, and DEFERRED whose retry time has come) is sent once.",
        "SENT, FAILED and SKIPPED recipients are never sent again. Ctrl-C stops cleanly: messages in flight finish.",
        "Exit 0 when every recipient is SENT, FAILED or SKIPPED; 3 when some are PENDING, DEFERRED or UNKNOWN; 2 on bad input.",
        "With --test-to, sends a test instead: the campaign merged as --test-as recipients (else the list's first recipient, or",
        "--test-random N of them) to the test addresses only; the campaign's recipients are not touched. Exit 0 when every test",
        "message was accepted, 1 when any was not."})
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

    @Option(names = "--test-to", paramLabel = "ADDRESS", description = "Send a test to this address instead of sending the campaign (repeatable).")
    List<String> testTo = new ArrayList<>();

    @Option(names = "--test-as", paramLabel = "RECIPIENT_EMAIL", description = "Merge the test as this recipient of the list (repeatable; default: the first recipient).")
    List<String> testAs = new ArrayList<>();

    @Option(names = "--test-random", paramLabel = "N", description = "Merge the test as N recipients of the list picked at random.")
    Integer testRandom;

    @Option(names = "--no-test-prefix", description = "Keep the subject as it is (by default a test's subject starts with \"[TEST] \").")
    boolean noTestPrefix;

    @Override
    public Integer call() throws Exception {
        // While the campaign and the store are read; CampaignSender.start waits for it before the freeze (ADR 0007).
        JitPolicy.startInstalling();
        CampaignDocument doc = CampaignArgs.read(campaignFile);
        if (!testTo.isEmpty()) return sendTest(doc);
        if (!testAs.isEmpty() || testRandom != null || noTestPrefix) {
            throw new UserInputException("--test-as, --test-random and --no-test-prefix go with --test-to ADDRESS.");
        }
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
        if (result.refused()) {
            err().println("broadside: not sent: " + result.reason());
            return ExitCodes.INCOMPLETE;
        }
        Progress p = result.progress();
        if (result.othersGoOn()) {
            // A team campaign sent by several processes: this one's share is done, the others record how it ends.
            out().println(doc.displayName() + ": nothing left for this process; " + RunResult.OTHERS_GO_ON
                    + ". Now: " + p.summary().replaceFirst("\\s*\\(.*\\)$", "") + " (" + p.total() + " recipients).");
            out().flush();
            return ExitCodes.OK;
        }
        out().println(doc.displayName() + ": " + p.summary().replaceFirst("\\s*\\(.*\\)$", "") + " (" + p.total() + " recipients)");
        if (result.reason() != null) out().println(result.status().name().toLowerCase() + ": " + result.reason());
        if (result.status() == CampaignStatus.PAUSED) out().println("Run the same send command again to resume.");
        if (p.count(RecipientState.UNKNOWN) > 0 && !resendUnknown) {
            out().println(p.count(RecipientState.UNKNOWN) + " UNKNOWN: run again with --resend-unknown to send them again (possible duplicates).");
        }
        out().flush();
        return result.complete() && result.status() == CampaignStatus.FINISHED ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    /** Sends the test and prints one line per message with its receipt; nothing of the campaign's run changes. */
    private int sendTest(CampaignDocument doc) throws Exception {
        TestAddresses to = TestAddresses.parse(String.join(",", testTo));
        if (to.problem() != null) throw new UserInputException(to.problem());
        if (!testAs.isEmpty() && testRandom != null) throw new UserInputException("Use either --test-as or --test-random, not both.");
        if (testRandom != null && testRandom < 1) throw new UserInputException("--test-random needs a number of recipients of 1 or more.");
        try {
            TestRecipients recipients = TestRecipients.of(doc.campaign(), new ContactRepository(database()));
            List<Contact> as = new ArrayList<>();
            for (String email : testAs) {
                as.add(recipients.byAddress(email).orElseThrow(() -> new UserInputException(
                        email + " is not a recipient of the list " + recipients.listName() + " (or the campaign's filter leaves it out).")));
            }
            if (testRandom != null) {
                as.addAll(recipients.random(testRandom, new Random()));
            } else if (as.isEmpty()) {
                as.add(recipients.first().orElseThrow(() -> new UserInputException("The list " + recipients.listName() + " has no recipient to merge the test as.")));
            }
            if (as.isEmpty()) throw new UserInputException("The list " + recipients.listName() + " has no recipient to merge the test as.");
            out().println("Test of " + doc.displayName() + " merged as " + as.stream().map(Contact::email).collect(Collectors.joining(", "))
                    + " to " + to.joined() + ":");
            out().flush();
            List<TestReceipt> receipts = new TestSend(database(), credentials()).send(
                    new TestSend.Request(doc, as, to.addresses(), !noTestPrefix), r -> {
                        out().println(r.line());
                        out().flush();
                    }, () -> false);
            long failed = receipts.stream().filter(r -> r.outcome().failed()).count();
            out().println(failed == 0 ? "All " + receipts.size() + " test messages were accepted by the server."
                    : failed + " of " + receipts.size() + " test messages were not accepted.");
            return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
        } catch (ComposeException e) {
            throw new UserInputException(e.getMessage(), e);
        }
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
